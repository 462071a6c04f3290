import { EntityMetadata } from 'typeorm';
import { createDataSource } from '@haven/platform';
import { Child } from './child.entity';
import { columnsFor } from './child.mapper';

describe("a list's columns for the fields its query selects (issue 19)", () => {
  let metadata: EntityMetadata;
  beforeAll(async () => {
    // the entity's metadata as the service builds it (its naming strategy), without a database
    const dataSource = createDataSource({ url: 'postgres://localhost/unused', entities: [Child] });
    await dataSource['buildMetadatas']();
    metadata = dataSource.getMetadata(Child);
  });

  it('reads the id, the authority and the cursor whatever is selected, and each selected field', () => {
    expect(columnsFor(metadata, new Set(['__typename']))).toEqual([
      'id',
      'local_authority_id',
      'registered_at',
    ]);
    expect(columnsFor(metadata, new Set(['givenName', 'familyName', 'aliases', 'status']))).toEqual([
      'id',
      'local_authority_id',
      'registered_at',
      'given_name',
      'family_name',
      'aliases',
      'status',
    ]);
  });

  it('reads what a field served from other columns needs', () => {
    expect(
      columnsFor(metadata, new Set(['age', 'nrmCategories', 'localAuthority', 'allocatedWorker'])),
    ).toEqual([
      'id',
      'local_authority_id',
      'registered_at',
      'effective_date_of_birth',
      'exploitation_types',
      'allocated_worker_id',
    ]);
    expect(columnsFor(metadata, new Set(['immigrationStatus', 'leaveExpiresOn']))).toEqual([
      'id',
      'local_authority_id',
      'registered_at',
      'immigration_status',
      'leave_expires_on',
    ]);
  });

  it('reads whole rows for a field another capability serves, or a selection not known', () => {
    expect(columnsFor(metadata, new Set(['givenName', 'currentPlacement']))).toBeNull();
    expect(columnsFor(metadata, new Set(['retainUntil']))).toBeNull();
    expect(columnsFor(metadata, null)).toBeNull();
  });
});
