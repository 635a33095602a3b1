// Pin every test to the users' time zone and locale (design.md: Style).
process.env.TZ = 'Europe/Amsterdam';
process.env.LANG = 'nl_NL.UTF-8';
