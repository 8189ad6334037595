import { createContext } from '@lit/context';
import type { Strings } from '../i18n/strings.js';

/** The language and string overrides an `<rtc-room>` hands to the elements inside it. */
export interface Locale {
  /** BCP 47 tag as given (`zh-CN`, `en`); empty when neither the room nor the page sets one. */
  readonly lang: string;
  readonly strings?: Partial<Strings>;
}

export const localeContext = createContext<Locale | undefined>(Symbol('rtc-locale'));
