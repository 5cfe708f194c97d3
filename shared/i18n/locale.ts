/** The screen languages: Korean first, English beside it. */
export type Locale = 'ko' | 'en';
