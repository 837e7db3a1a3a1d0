// Apple Podcasts' categories (the list a show's <itunes:category> must come from): the program
// form offers them as a select, the command accepts only these names, and a feed finds a
// subcategory's parent here (Apple's names are unique across the whole list).

/** Each top-level category with its subcategories, in Apple's order. */
export const APPLE_PODCAST_CATEGORIES: readonly (readonly [string, readonly string[]])[] = [
  ['Arts', ['Books', 'Design', 'Fashion & Beauty', 'Food', 'Performing Arts', 'Visual Arts']],
  ['Business', ['Careers', 'Entrepreneurship', 'Investing', 'Management', 'Marketing', 'Non-Profit']],
  ['Comedy', ['Comedy Interviews', 'Improv', 'Stand-Up']],
  ['Education', ['Courses', 'How To', 'Language Learning', 'Self-Improvement']],
  ['Fiction', ['Comedy Fiction', 'Drama', 'Science Fiction']],
  ['Government', []],
  ['History', []],
  ['Health & Fitness', ['Alternative Health', 'Fitness', 'Medicine', 'Mental Health', 'Nutrition', 'Sexuality']],
  ['Kids & Family', ['Education for Kids', 'Parenting', 'Pets & Animals', 'Stories for Kids']],
  [
    'Leisure',
    ['Animation & Manga', 'Automotive', 'Aviation', 'Crafts', 'Games', 'Hobbies', 'Home & Garden', 'Video Games'],
  ],
  ['Music', ['Music Commentary', 'Music History', 'Music Interviews']],
  [
    'News',
    ['Business News', 'Daily News', 'Entertainment News', 'News Commentary', 'Politics', 'Sports News', 'Tech News'],
  ],
  ['Religion & Spirituality', ['Buddhism', 'Christianity', 'Hinduism', 'Islam', 'Judaism', 'Religion', 'Spirituality']],
  [
    'Science',
    [
      'Astronomy',
      'Chemistry',
      'Earth Sciences',
      'Life Sciences',
      'Mathematics',
      'Natural Sciences',
      'Nature',
      'Physics',
      'Social Sciences',
    ],
  ],
  ['Society & Culture', ['Documentary', 'Personal Journals', 'Philosophy', 'Places & Travel', 'Relationships']],
  [
    'Sports',
    [
      'Baseball',
      'Basketball',
      'Cricket',
      'Fantasy Sports',
      'Football',
      'Golf',
      'Hockey',
      'Rugby',
      'Running',
      'Soccer',
      'Swimming',
      'Tennis',
      'Volleyball',
      'Wilderness',
      'Wrestling',
    ],
  ],
  ['Technology', []],
  ['True Crime', []],
  ['TV & Film', ['After Shows', 'Film History', 'Film Interviews', 'Film Reviews', 'TV Reviews']],
];

/**
 * A stored category name as the feed writes it: [top-level] or [top-level, subcategory];
 * undefined for '' or a name not on Apple's list.
 */
export function podcastCategoryPath(name: string): readonly [string] | readonly [string, string] | undefined {
  for (const [top, subs] of APPLE_PODCAST_CATEGORIES) {
    if (top === name) return [top];
    if (subs.includes(name)) return [top, name];
  }
  return undefined;
}

/** Whether `name` is one of Apple's categories or subcategories. */
export function isPodcastCategory(name: string): boolean {
  return podcastCategoryPath(name) !== undefined;
}
