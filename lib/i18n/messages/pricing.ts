export const pricingMessages = {
  en: {
    nav: 'Pricing',
  },
  tr: {
    nav: 'Fiyatlandırma',
  },
} as const;
