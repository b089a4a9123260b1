import { PersonData } from '@gongjian/domain';
import { PersonalDataCipher } from '../../../../personal-data/personal-data.cipher';
import { CommandMetadata, resourceIdFor } from '@gongjian/write-side';
import { definedOnly } from '../../request-fields';
import { ApplyForMembershipRequestDto } from './apply-for-membership.request.dto';

/** An application whose identity number and phone are already encrypted. */
export type SealedApplication = Omit<ApplyForMembershipRequestDto, 'person'> & {
  person: PersonData;
};

export class ApplyForMembershipCommand {
  constructor(
    readonly application: SealedApplication,
    readonly metadata: CommandMetadata,
  ) {}

  /**
   * Encrypts the personal data (an identity number's check letter in upper case) as the request
   * enters, so that clear identity numbers and phones never travel on the command bus, into a
   * domain command, an event or a log.
   */
  static seal(
    body: ApplyForMembershipRequestDto,
    metadata: CommandMetadata,
    cipher: PersonalDataCipher,
  ): ApplyForMembershipCommand {
    const { idNumber, phone, ...person } = definedOnly(body.person);
    // The id is fixed here because each cipher is bound to its member.
    const memberId = body.id ?? resourceIdFor(metadata.commandId, 'member');
    return new ApplyForMembershipCommand(
      {
        ...(definedOnly(body) as ApplyForMembershipRequestDto),
        id: memberId,
        person: {
          ...(person as Omit<PersonData, 'idNumberCipher' | 'phoneCipher'>),
          ...(idNumber !== undefined && {
            idNumberCipher: cipher.encrypt(idNumber.toUpperCase(), { memberId, field: 'idNumber' }),
          }),
          ...(phone !== undefined && {
            phoneCipher: cipher.encrypt(phone, { memberId, field: 'phone' }),
          }),
        },
      },
      metadata,
    );
  }
}
