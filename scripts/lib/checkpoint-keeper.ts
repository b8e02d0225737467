/**
 * When the train CLI writes checkpoints. A checkpoint is captured in memory at its step and
 * written to disk only once the next step's loss has passed the checks (finite, not
 * exploding): the weights it holds are then known to produce a sane loss. A NaN or exploding
 * loss discards the captured one, so the folder keeps the last good checkpoint.
 */
import { captureCheckpoint, type CapturedCheckpoint, type SaveOptions, type SegNetModel } from '../../src/segnet';
import { writeFile, rename } from 'node:fs/promises';
import { contentsOfArtifacts, encodeCheckpointFile } from '../../src/data/checkpoint-file';
import { checkpointFolder, type CheckpointFolderOptions } from './checkpoint-files';

export class CheckpointKeeper {
  private pending: { artifacts: CapturedCheckpoint; step: number } | null = null;
  /**
   * @param lastWritten step of the checkpoint already in `dir` (a resumed run's), or null
   */
  constructor(
    private readonly dir: string,
    public lastWritten: number | null = null,
    private readonly folderOptions: CheckpointFolderOptions = {},
  ) {}

  /** Encodes the model (and optimizer and progress) as they are now; `commit` writes it. */
  async capture(model: SegNetModel, options: SaveOptions & { progress: NonNullable<SaveOptions['progress']> }): Promise<void> {
    this.pending = { artifacts: await captureCheckpoint(model, options), step: options.progress.step };
  }

  /** Writes the captured checkpoint, if any; returns its step. */
  async commit(): Promise<number | null> {
    if (!this.pending) return null;
    const { artifacts, step } = this.pending;
    this.pending = null;
    await checkpointFolder(this.dir, this.folderOptions).save!(artifacts);
    this.lastWritten = step;
    return step;
  }

  /** Drops the captured checkpoint (its weights led to a bad loss). */
  discard(): void {
    this.pending = null;
  }

  /**
   * Captures and writes at once (at the end of a run, or on Ctrl-C); with `exportFile`, also
   * writes the same checkpoint as one .unpooled file, which the training studio imports.
   */
  async saveNow(model: SegNetModel, options: SaveOptions & { progress: NonNullable<SaveOptions['progress']> }, exportFile?: string): Promise<number> {
    await this.capture(model, options);
    const artifacts = this.pending!.artifacts;
    const step = (await this.commit())!;
    if (exportFile) await writeFileAtomically(exportFile, encodeCheckpointFile(contentsOfArtifacts(artifacts)));
    return step;
  }
}

/** Writes a file through a temporary sibling, so an interrupted write leaves the previous one whole. */
async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
}
