import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** Null before the first batch. Bigints come back from pg as strings. */
  @Column({ name: 'commit_position', type: 'bigint', nullable: true })
  commitPosition!: string | null;

  @Column({ name: 'prepare_position', type: 'bigint', nullable: true })
  preparePosition!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
