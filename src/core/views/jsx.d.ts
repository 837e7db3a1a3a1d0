// HTML attributes @kitajs/html's JSX types do not list yet.
declare namespace JSX {
  interface HtmlImageTag {
    sizes?: undefined | string;
    fetchpriority?: undefined | 'high' | 'low' | 'auto';
  }
  interface HtmlSourceTag {
    sizes?: undefined | string;
  }
}
