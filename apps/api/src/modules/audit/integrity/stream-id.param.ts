import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class StreamIdParam {
  @ApiProperty({ example: 'pairing-p-1' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, { message: 'streamId must be a stream id' })
  streamId!: string;
}
