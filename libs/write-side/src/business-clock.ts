/** The business clock is domain arithmetic; the write side re-exports it for its callers. */
export { shanghaiDate, shanghaiMidnight } from '@gongjian/domain';
