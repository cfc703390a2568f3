import { AppError } from '@qn/domain';
import { isDuplicateKeyError } from '@qn/db';
import { Organisation, type OrganisationDoc } from './models/organisation';
import { checkOrganisationFields, organisationIdOf, type OrganisationFields } from './organisation-fields';

/**
 * Creates an organisation under the id its name gives. The unique `_id` decides between two
 * admins creating the same one at once; the loser is told the name is taken.
 */
export async function createOrganisation(fields: OrganisationFields): Promise<OrganisationDoc> {
  const clean = checkOrganisationFields(fields);
  const _id = organisationIdOf(clean.name);
  try {
    const created = await Organisation.create({ _id, ...clean });
    return created.toObject();
  } catch (err) {
    if (isDuplicateKeyError(err))
      throw AppError.validation(
        [{ field: 'name', message: 'an organisation of this name exists' }],
        'Eine Organisation mit diesem Namen gibt es schon.',
      );
    throw err;
  }
}
