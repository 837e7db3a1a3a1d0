// Made-up news text of realistic length for the benchmark archive: a headline, a summary and a
// body of 400–900 words in paragraphs, drawn from an edition's Zipf-ranked vocabulary.
import { Random, ZipfSampler } from './random.ts';
import { PLACE_NAMES, vocabularyOf, type ArchiveEdition } from './words.ts';

/** One story's text, as the newsroom would type it. */
export interface StoryText {
  title: string;
  summary: string;
  /** Paragraphs of plain text (paragraphsToHtml turns them into the body). */
  paragraphs: string[];
  dateline: string;
}

/** Writes stories in one edition's words. */
export class StoryWriter {
  private readonly words: readonly string[];
  private readonly sampler: ZipfSampler;

  constructor(edition: ArchiveEdition) {
    this.words = vocabularyOf(edition);
    this.sampler = new ZipfSampler(this.words.length);
  }

  /** A story whose body has between 400 and 900 words. */
  write(random: Random): StoryText {
    const paragraphs: string[] = [];
    let remaining = random.int(400, 900);
    while (remaining > 0) {
      const words = Math.min(remaining, random.int(40, 110));
      paragraphs.push(this.paragraph(random, words));
      remaining -= words;
    }
    const dateline = random.pick(PLACE_NAMES).toUpperCase();
    return { title: this.title(random), summary: this.sentence(random, random.int(18, 34)), paragraphs, dateline };
  }

  /** A headline: few function words, capitalised like a sentence, no full stop. */
  private title(random: Random): string {
    const parts: string[] = [];
    for (let n = random.int(6, 12); n > 0; n--) {
      // Headlines skip the commonest words: redraw those most of the time.
      let rank = this.sampler.draw(random);
      if (rank < 40 && random.chance(0.8)) rank = this.sampler.draw(random) + 40;
      parts.push(this.words[Math.min(rank, this.words.length - 1)]!);
    }
    return capitalise(parts.join(' '));
  }

  private paragraph(random: Random, words: number): string {
    const sentences: string[] = [];
    while (words > 0) {
      const length = Math.min(words, random.int(8, 28));
      sentences.push(this.sentence(random, Math.max(length, 3)));
      words -= length;
    }
    return sentences.join(' ');
  }

  private sentence(random: Random, words: number): string {
    let text = '';
    for (let i = 0; i < words; i++) {
      const word = this.words[this.sampler.draw(random)]!;
      text += i === 0 ? word : i > 3 && random.chance(0.06) ? `, ${word}` : ` ${word}`;
    }
    return `${capitalise(text)}.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
