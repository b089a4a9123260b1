/** Where the engine reports what operators need to know (pino in the api, stderr in the worker). */
export interface ProjectionLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const SILENT_LOG: ProjectionLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
