export const backupsMessages = {
  en: {
    nav: 'Backups',
  },
  tr: {
    nav: 'Yedekler',
  },
} as const;
