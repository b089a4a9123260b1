import { Position } from '@gongjian/event-store';

/** The answer to every command (API.md): what was written, where. */
export interface CommandResult {
  id: string;
  streamId: string;
  /** The stream's revision after the command; -1 when the stream is still empty. */
  revision: number;
  position: Position | null;
  eventIds: string[];
}
