// The browser tab icon: the station mark in the masthead blue.
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="#0b3a75"/><path d="M10 30c4-6 8-6 12 0s8 6 12 0 6-5 6-5M10 21c4-6 8-6 12 0s8 6 12 0 6-5 6-5" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`;
