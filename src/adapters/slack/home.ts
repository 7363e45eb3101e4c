import type { KnownBlock } from '@slack/types';

/**
 * What a feature adds to a person's App Home (their open action items, their reviews ...), after the incident
 * core's own lists. A section returns at most `HOME_SECTION_BLOCKS` blocks (App Home holds 100 in all) and
 * nothing when it has nothing to show the viewer; it reads through indexed queries for that viewer only.
 */
export type HomeSection = (viewer: string) => KnownBlock[];

export const HOME_SECTION_BLOCKS = 14;

export function createHomeSections() {
  const sections: HomeSection[] = [];
  return {
    add(section: HomeSection): void {
      sections.push(section);
    },
    /** Every section's blocks for the viewer, each cut to its share. */
    blocksFor: (viewer: string): KnownBlock[] => sections.flatMap((s) => s(viewer).slice(0, HOME_SECTION_BLOCKS)),
  };
}

export type HomeSections = ReturnType<typeof createHomeSections>;
