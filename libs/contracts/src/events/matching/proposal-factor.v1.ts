import { IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';

/** One explained factor of a match score: the "why this match" a coordinator reads. */
export class ProposalFactorV1 {
  /** Factor id, e.g. `size-similarity`, `sector-fit`, `distance`. */
  @IsString() @MaxLength(64) factor: string;
  @IsNumber() @Min(0) @Max(1) score: number;
  @IsNumber() @Min(0) weight: number;
  @IsString() @MaxLength(500) explanation: string;
}
