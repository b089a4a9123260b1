/** The methods queries answer to (a HEAD is a GET without its body). */
export const isQueryMethod = (method: string): boolean => method === 'GET' || method === 'HEAD';
