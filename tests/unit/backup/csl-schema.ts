/**
 * The part of the CSL data schema (citation-style-language/schema, csl-data.json) that covers
 * the fields Paper Queue writes, stated here so the test checks the same rules: an array of
 * objects that require `type` (one of the CSL types) and `id` (string or number), with only known
 * fields; text fields are strings; a date has 1–2 `date-parts` of 1–3 parts each.
 */
const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
];

export const CSL_ITEMS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['type', 'id'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: CSL_TYPES },
      id: { type: ['string', 'number'] },
      title: { type: 'string' },
      abstract: { type: 'string' },
      URL: { type: 'string' },
      keyword: { type: 'string' },
      note: { type: 'string' },
      issued: {
        type: 'object',
        additionalProperties: false,
        required: ['date-parts'],
        properties: {
          'date-parts': {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 3,
              items: { type: ['string', 'number'] },
            },
          },
        },
      },
    },
  },
} as const;
