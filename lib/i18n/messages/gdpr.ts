export const gdprMessages = {
  en: {
    nav: 'Privacy requests',
  },
  tr: {
    nav: 'KVKK/GDPR talepleri',
  },
} as const;
