import { Hono } from 'hono';
import type { Store } from '../store/store.js';
import { toStory } from '../stories/story-view.js';
import { apiError } from './api-error.js';

/** `GET /stories/:id`: the story with all its articles. */
export function storiesRoute(store: Store): Hono {
  return new Hono().get('/stories/:id', async (c) => {
    const story = await store.story(c.req.param('id'));
    if (story === null) return apiError(c, 404, 'not_found', 'no story with this id');
    return c.json(toStory(story));
  });
}
