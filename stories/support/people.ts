/** The simulated people of the stories: names in several scripts; their cameras take the five synthetic colours in turn. */

export interface StoryPerson {
  id: string;
  name: string;
}

/** The story's own user ("you"). */
export const SELF: StoryPerson = { id: 'sam', name: 'Sam Rivera' };

/** Everyone else, in the order they join. */
export const GUESTS: readonly StoryPerson[] = [
  { id: 'alice', name: 'Alice Martin' },
  { id: 'bob', name: 'Bob Okafor' },
  { id: 'chen', name: '陈静' },
  { id: 'dmitri', name: 'Dmitri Ivanov' },
  { id: 'eva', name: 'Eva Lindqvist' },
  { id: 'farah', name: 'Farah Haddad' },
  { id: 'gao', name: '高翔' },
  { id: 'hiro', name: 'Hiro Tanaka' },
  { id: 'ines', name: 'Inês Costa' },
];

/** A round portrait as an SVG data URL (stories need no network), for the avatar states. */
export function avatarUrl(hue: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
    <rect width="64" height="64" fill="hsl(${hue} 55% 78%)"/>
    <circle cx="32" cy="25" r="12" fill="hsl(${hue} 35% 35%)"/>
    <path d="M10 64c2-14 11-22 22-22s20 8 22 22z" fill="hsl(${hue} 35% 35%)"/>
  </svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
