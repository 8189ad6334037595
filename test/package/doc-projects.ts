/**
 * The example projects of docs/frameworks.md, read from the page itself so the test builds exactly
 * what a reader copies: every fenced block whose info string names a file (```tsx src/App.tsx) is
 * that file of the project its section (## heading) is about.
 */

/** Section heading → the scratch folder its files go to. */
export const PROJECT_OF_SECTION: Record<string, string> = {
  'Vite and npm': 'vanilla',
  'React 19': 'react',
  'Vue 3': 'vue',
};

/** project → relative path → file text. */
export type DocProjects = Record<string, Record<string, string>>;

export function docProjects(markdown: string): DocProjects {
  const projects: DocProjects = {};
  for (const section of markdown.split(/^## /m).slice(1)) {
    const heading = section.slice(0, section.indexOf('\n')).trim();
    const project = PROJECT_OF_SECTION[heading];
    if (!project) continue;
    const files = (projects[project] = {} as Record<string, string>);
    for (const [, path, text] of section.matchAll(/^```\w+ (\S+)\n([\s\S]*?)^```$/gm)) {
      if (files[path]) throw new Error(`docs/frameworks.md, "${heading}": ${path} is given twice`);
      files[path] = text;
    }
  }
  for (const [heading, project] of Object.entries(PROJECT_OF_SECTION)) {
    if (!projects[project]) throw new Error(`docs/frameworks.md has no "## ${heading}" section with files`);
  }
  return projects;
}
