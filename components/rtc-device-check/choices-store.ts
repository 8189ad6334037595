/** Writing and forgetting the lobby's remembered choices (reading them is the room's: internal/remembered-choices.ts). */
import { CHOICES_KEY, rememberedChoices, type RememberedChoices } from '../internal/remembered-choices.js';

export function rememberChoice(choice: RememberedChoices): void {
  try {
    localStorage.setItem(CHOICES_KEY, JSON.stringify({ ...rememberedChoices(), ...choice }));
  } catch {
    // Storage off or full: the choice holds for this visit only.
  }
}

export function forgetChoices(): void {
  try {
    localStorage.removeItem(CHOICES_KEY);
  } catch {
    // Nothing could have been stored.
  }
}
