// Reader star ratings: the vote endpoints and the widget on the article page.
export { ratingRoutes } from './routes.tsx';
export { RatingWidget } from './views/widget.tsx';
