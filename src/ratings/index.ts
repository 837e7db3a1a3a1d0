// Reader star ratings: the vote endpoints, the widget on the article page, and the sweep that
// deletes address hashes once the hourly vote limit no longer needs them (a scheduled job).
export { ratingRoutes } from './routes.tsx';
export { RatingWidget } from './views/widget.tsx';
export { sweepVoteAddressWindow } from './address-window.ts';
