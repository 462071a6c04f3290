import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: organisations and practitioners, the child record with its aliases and NRM
 * referrals, and the append-only audit trail. Every table about a child carries the authority
 * responsible for it (local_authority_id), kept equal to the child's by a composite foreign key.
 */
export class Foundation1732250000000 implements MigrationInterface {
  name = 'Foundation1732250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS pgcrypto;
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      -- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it
      -- safe to index, which is what case- and accent-insensitive name search needs.
      CREATE FUNCTION haven_normalise(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

      CREATE FUNCTION haven_child_search_text(given text, family text, preferred text, aliases jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN haven_normalise(concat_ws(' ', given, family, preferred,
          (SELECT string_agg(alias ->> 'name', ' ') FROM jsonb_array_elements(aliases) AS alias)));

      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LOCAL_AUTHORITY', 'GUARDIANSHIP_PROVIDER', 'SAFEGUARDING_PARTNERSHIP',
          'SERVICE_OPERATOR', 'POLICE_FORCE', 'NGO', 'HEALTH_BODY', 'HOME_OFFICE')),
        nation text CHECK (nation IN ('ENGLAND', 'WALES', 'SCOTLAND', 'NORTHERN_IRELAND')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'LOCAL_AUTHORITY' OR nation IS NOT NULL)
      );

      CREATE TABLE practitioner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text NOT NULL UNIQUE,
        name text NOT NULL,
        email text,
        role text NOT NULL CHECK (role IN ('SOCIAL_WORKER', 'TEAM_MANAGER', 'GUARDIAN', 'LSCB_ANALYST', 'ADMIN')),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX practitioner_organisation_idx ON practitioner (organisation_id, role);

      CREATE TABLE child (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL DEFAULT 1,
        local_authority_id uuid NOT NULL REFERENCES organisation (id),
        given_name text NOT NULL,
        family_name text,
        preferred_name text,
        aliases jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(aliases) = 'array'),
        claimed_date_of_birth date,
        effective_date_of_birth date,
        age_disputed boolean NOT NULL DEFAULT false,
        gender text NOT NULL CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'NOT_KNOWN')),
        nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
        nationality_basis text CHECK (nationality_basis IN ('CLAIMED', 'SUSPECTED', 'DOCUMENTED')),
        region_of_origin text,
        languages text[] NOT NULL DEFAULT '{}',
        interpreter_needed boolean NOT NULL DEFAULT false,
        categories text[] NOT NULL DEFAULT '{}',
        exploitation_types text[] NOT NULL DEFAULT '{}',
        arrival_date date,
        arrival_route text,
        legal_status text,
        immigration_status text,
        asylum_claim_date date,
        leave_expires_on date,
        home_office_reference text,
        allocated_worker_id uuid REFERENCES practitioner (id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        closure_reason text,
        closed_on date,
        -- milliseconds, so that a keyset cursor round-trips through JavaScript exactly
        registered_at timestamptz(3) NOT NULL DEFAULT now(),
        registered_by uuid REFERENCES practitioner (id),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS
          (haven_child_search_text(given_name, family_name, preferred_name, aliases)) STORED,
        UNIQUE (id, local_authority_id),
        CHECK ((status = 'CLOSED') = (closure_reason IS NOT NULL AND closed_on IS NOT NULL))
      );
      CREATE INDEX child_authority_registered_idx ON child (local_authority_id, registered_at DESC, id DESC);
      CREATE INDEX child_authority_birth_idx ON child (local_authority_id, effective_date_of_birth);
      CREATE INDEX child_search_idx ON child USING gin (search_text gin_trgm_ops);
      CREATE INDEX child_allocated_worker_idx ON child (allocated_worker_id);

      CREATE TABLE nrm_referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        referred_on date NOT NULL,
        first_responder text,
        competent_authority text,
        reasonable_grounds_decision text NOT NULL DEFAULT 'PENDING',
        reasonable_grounds_decided_on date,
        reasonable_grounds_due_by date NOT NULL,
        conclusive_grounds_decision text NOT NULL DEFAULT 'PENDING',
        conclusive_grounds_decided_on date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE,
        CHECK ((reasonable_grounds_decision = 'PENDING') = (reasonable_grounds_decided_on IS NULL)),
        CHECK ((conclusive_grounds_decision = 'PENDING') = (conclusive_grounds_decided_on IS NULL))
      );
      CREATE INDEX nrm_referral_child_idx ON nrm_referral (child_id, referred_on DESC);
      CREATE INDEX nrm_referral_rg_pending_idx ON nrm_referral (local_authority_id, reasonable_grounds_due_by)
        WHERE reasonable_grounds_decision = 'PENDING';

      CREATE TABLE nrm_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES nrm_referral (id),
        child_id uuid NOT NULL,
        local_authority_id uuid NOT NULL,
        stage text NOT NULL CHECK (stage IN ('REASONABLE_GROUNDS', 'CONCLUSIVE_GROUNDS')),
        decision text NOT NULL CHECK (decision IN ('PENDING', 'POSITIVE', 'NEGATIVE', 'SUSPENDED', 'WITHDRAWN')),
        decided_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES practitioner (id),
        FOREIGN KEY (child_id, local_authority_id) REFERENCES child (id, local_authority_id) ON UPDATE CASCADE
      );
      CREATE INDEX nrm_decision_referral_idx ON nrm_decision (referral_id, recorded_at DESC);

      -- Append-only: who read or changed what about which child. No foreign key to the child, so that
      -- the trail outlives a purge of the record it describes.
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        at timestamptz NOT NULL DEFAULT now(),
        practitioner_id uuid REFERENCES practitioner (id),
        request_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('READ', 'CREATE', 'UPDATE', 'EXPORT', 'DELETE')),
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        child_id uuid,
        local_authority_id uuid,
        detail jsonb
      );
      CREATE INDEX audit_event_child_idx ON audit_event (child_id, seq DESC);

      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_event, nrm_decision, nrm_referral, child, practitioner, organisation;
      DROP FUNCTION audit_event_is_append_only(), haven_child_search_text(text, text, text, jsonb), haven_normalise(text);
    `);
  }
}
