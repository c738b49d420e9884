/**
 * The progress line of a long run on stderr (xxgk check, xxgk evaluate): a bar, done/total, the
 * time left and the end of the file's name, rewritten in place. Only on a terminal, never with
 * --quiet: a log or a pipe gets no carriage returns.
 */
import type { Lang } from '../core/model/findings';
import { say } from '../core/messages';
import { shown } from './terminal';

/** Whether a command shows progress: stderr is a terminal and --quiet was not given. */
export const showsProgress = (quiet: boolean | undefined): boolean => !!process.stderr.isTTY && !quiet;

export class Progress {
  private readonly started = Date.now();
  constructor(
    private readonly lang: Lang,
    private readonly total: number,
    private readonly on: boolean,
  ) {}

  /** `done` files of the total handed over, the last of them `file`. */
  show(done: number, file: string): void {
    if (!this.on) return;
    const width = 30,
      filled = Math.round((done / this.total) * width);
    const eta = done < this.total ? Math.round((((Date.now() - this.started) / done) * (this.total - done)) / 1000) : 0;
    process.stderr.write(
      `\r\x1b[K${say(this.lang, 'cli.progress')} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}${eta ? ` ${say(this.lang, 'cli.progress_eta', { seconds: eta })}` : ''} ${shown(file.slice(-40))}`,
    );
  }

  /** The line cleared, for what follows on stderr. */
  end(): void {
    if (this.on) process.stderr.write('\r\x1b[K');
  }
}
