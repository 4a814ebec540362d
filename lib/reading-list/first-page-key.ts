/** Session-storage key of the popup's first page. */
export const FIRST_PAGE_KEY = 'partwise:first-page';
/** Posts on the first page: the popup's page size, so the live list that follows changes nothing. */
export const FIRST_PAGE_SIZE = 60;
