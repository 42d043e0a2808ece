import { ParticipantDto } from './participant.dto';

/** The person who takes a delegate's seat: the seat, its status and its place stay. */
export class SubstituteParticipantDto extends ParticipantDto {}
