// Word lists for the synthetic demo association. Names are common Dutch (and Dutch-Turkish,
// Dutch-Moroccan, Surinamese…) first and family names, combined at random: no real children.
export const FIRST_NAMES = [
  'Eefje', 'Daan', 'Sem', 'Noah', 'Lucas', 'Levi', 'Finn', 'Milan', 'Luuk', 'Bram', 'Jesse', 'Thijs', 'Ruben', 'Sven', 'Jens',
  'Emma', 'Julia', 'Tess', 'Sophie', 'Zoë', 'Mila', 'Sara', 'Anna', 'Evi', 'Noor', 'Lotte', 'Fleur', 'Lieke', 'Saar', 'Femke',
  'Yasmine', 'Mohammed', 'Ayoub', 'Imane', 'Salma', 'Emre', 'Elif', 'Yusuf', 'Zeynep', 'Kerem', 'Anaïs', 'Chloë', 'Noé', 'Joëlle',
  'Mees', 'Jip', 'Guus', 'Teun', 'Siem', 'Floor', 'Isa', 'Maud', 'Roos', 'Jasmijn', 'Ilse', 'Kiki', 'Stijn', 'Rayan', 'Dewi', 'Quinten',
];
export const LAST_NAMES: [string, string][] = [
  ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'],
  ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'], ['van', 'Leeuwen'],
  ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'], ['van der', 'Meer'], ['', 'Kok'],
  ['', 'Öztürk'], ['', 'Yılmaz'], ['', 'Çelik'], ['', 'Şahin'], ['El', 'Amrani'], ['', 'Bouzid'], ['', 'Benali'], ['', 'Ramdin'],
  ['', 'Kroon'], ['', 'Schouten'], ['van', 'Wijk'], ['', 'Koster'], ['', 'Prins'], ['', 'Huisman'], ['', 'Post'], ['', 'Kuiper'],
  ['', 'Verhoeven'], ['', 'Sánchez'], ['', 'Nguyễn'], ['', 'Müller'], ['ter', 'Horst'], ['', 'Zwart'], ['', 'Veenstra'], ['', 'Blom'],
];
export const PLACES = [
  'Alkmaar', 'Heerhugowaard', 'Langedijk', 'Bergen', 'Heiloo', 'Castricum', 'Uitgeest', 'Schagen', 'Den Helder', 'Julianadorp',
  'Anna Paulowna', 'Wieringerwerf', 'Hippolytushoef', 'Egmond aan Zee', 'Schoorl', 'Akersloot', 'Limmen', 'Warmenhuizen',
  'Broek op Langedijk', 'Sint Pancras', 'Koedijk', "'t Zand", 'Callantsoog', 'Petten', 'Oudkarspel', 'Noord-Scharwoude',
];
export const WERKGEBIEDEN = [
  'Den Helder', 'Hollands Kroon', 'Schagen', 'Dijk en Waard', 'Alkmaar Noord', 'Alkmaar Zuid', 'Bergen', 'Heiloo-Castricum',
];
export const SCHOOL_PREFIXES = ['OBS', 'CBS', 'RKBS', 'PCBS', 'Montessorischool', 'Daltonschool', 'Jenaplanschool', 'IKC', 'SBO'];
export const SCHOOL_NAMES = [
  'De Regenboog', 'Het Kompas', 'De Wilgen', 'De Sterrenwachter', 'Het Palet', 'De Vlinder', 'De Zandloper', 'De Boomgaard',
  'Het Anker', 'De Horizon', 'De Duinroos', 'De Klimop', 'Het Tweespan', 'De Ark', 'De Vuurtoren', 'De Windroos', 'Zonnewijzer',
  'De Kameleon', 'Het Mozaïek', 'De Fontein', 'Sint Jozef', 'De Molenwiek', 'De Springplank', 'Het Baken', 'De Wieken',
];
export const NOTE_PARTS = [
  'Leerling heeft moeite met begrijpend lezen; de leerkracht biedt verlengde instructie.',
  'Ouders geven aan dat de overgang naar de nieuwe groep spannend is.',
  'Werkhouding wisselend; gaat vooruit met een dagplanning op tafel.',
  'Sociaal-emotionele ontwikkeling vraagt aandacht: trekt zich terug op het plein.',
  'Rekenen loopt achter (tafels, getalbegrip); oefent met concreet materiaal.',
  'Jeugdarts betrokken vanwege concentratieklachten; onderzoek gepland.',
  'Afspraak: IB’er en consulent evalueren over zes weken.',
  'Kind vertelt zelf dat het helpt om een koptelefoon te gebruiken tijdens zelfstandig werken.',
  'Logopedie buiten school afgerond; woordenschat blijft een aandachtspunt.',
  'Thuissituatie is veranderd; J&G-coach heeft contact met de ouders.',
  'Meerbegaafdheid vermoed; verrijkingsopdrachten worden uitgeprobeerd.',
  'Verzuim besproken met leerplicht; aanwezigheid is de laatste maand verbeterd.',
];
