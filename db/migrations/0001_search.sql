-- Full-text search over pupil name, school and notes. unicode61 with remove_diacritics 2 folds case and
-- diacritics, so "ozturk" finds "Öztürk". Prefix indexes for 1–3 characters keep the first keystrokes of
-- search-as-you-type fast. Queries are single-token prefixes without ranking (db/search.ts), so the index
-- keeps no positions (detail=none) and no column sizes: every autosave of the notes writes fewer pages.
-- Kept in step with dossiers and schools by triggers; veldwerk_fold() (registered by db/open.ts) turns
-- letters the tokenizer cannot fold (ı, ł, ø, ß…) into what users type.
CREATE VIRTUAL TABLE `dossier_fts` USING fts5(
  `name`, `school`, `notes`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3',
  detail = none,
  columnsize = 0
);
--> statement-breakpoint
CREATE TRIGGER `dossiers_fts_ai` AFTER INSERT ON `dossiers` BEGIN
  INSERT INTO `dossier_fts` (rowid, `name`, `school`, `notes`)
  VALUES (
    new.rowid,
    veldwerk_fold(new.voornaam || ' ' || new.tussenvoegsel || ' ' || new.achternaam),
    (SELECT veldwerk_fold(s.name || ' ' || s.place || ' ' || s.brin) FROM schools s WHERE s.id = new.school_id),
    veldwerk_fold(new.notes)
  );
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_fts_au` AFTER UPDATE OF voornaam, tussenvoegsel, achternaam, school_id, notes ON `dossiers` BEGIN
  UPDATE `dossier_fts` SET
    `name` = veldwerk_fold(new.voornaam || ' ' || new.tussenvoegsel || ' ' || new.achternaam),
    `school` = (SELECT veldwerk_fold(s.name || ' ' || s.place || ' ' || s.brin) FROM schools s WHERE s.id = new.school_id),
    `notes` = veldwerk_fold(new.notes)
  WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_fts_ad` AFTER DELETE ON `dossiers` BEGIN
  DELETE FROM `dossier_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `schools_fts_au` AFTER UPDATE OF name, place, brin ON `schools` BEGIN
  UPDATE `dossier_fts` SET `school` = veldwerk_fold(new.name || ' ' || new.place || ' ' || new.brin)
  WHERE rowid IN (SELECT d.rowid FROM dossiers d WHERE d.school_id = new.id);
END;
