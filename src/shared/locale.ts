/** Interface languages. Danish is the default; English when the user's locale is English. */
export type Locale = 'da' | 'en';
