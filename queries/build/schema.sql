-- The published tables. Each states its grain (one row per ...); the keys, relationships and
-- ranges are enforced by queries/contracts/*.sql before a build is published, not by DuckDB
-- constraints, so that `cettar check` can inspect any file, including a damaged one.

-- Grain: one row per Kemendagri region code under province 35 (1 + 38 + 666 + 8,494).
CREATE TABLE region (
    code         VARCHAR NOT NULL,  -- dotted Kemendagri code: 35, 35.01, 35.01.01, 35.01.01.2001
    name         VARCHAR NOT NULL,
    level        VARCHAR NOT NULL,  -- provinsi | kabkota | kecamatan | desa
    type         VARCHAR NOT NULL,  -- provinsi | kabupaten | kota | kecamatan | desa | kelurahan
    parent_code  VARCHAR,           -- NULL only for the province
    kabkota_code VARCHAR,           -- the kab/kota a region belongs to (itself for a kab/kota)
    source_id    VARCHAR NOT NULL
);

-- Grain: one row per data source. status says how far a value can be trusted.
CREATE TABLE data_source (
    source_id   VARCHAR NOT NULL,
    title_id    VARCHAR NOT NULL,
    title_en    VARCHAR NOT NULL,
    publisher   VARCHAR NOT NULL,
    url         VARCHAR,
    licence     VARCHAR NOT NULL,
    retrieved   VARCHAR NOT NULL,   -- date or version the data was taken
    status      VARCHAR NOT NULL,   -- official | compiled | demo
    note        VARCHAR
);

-- Grain: one row per indicator.
CREATE TABLE indicator (
    indicator_id   VARCHAR NOT NULL,
    name_id        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL,
    direction      VARCHAR NOT NULL,  -- higher_is_better | lower_is_better
    value_type     VARCHAR NOT NULL,  -- numeric | status
    native_level   VARCHAR NOT NULL,  -- the level values are recorded at
    aggregation    VARCHAR NOT NULL,  -- how to roll up to a higher level: mean | sum | max | none
    pillar         VARCHAR,           -- cepat | efektif_efisien | tanggap | transparan | responsif
    min_value      DOUBLE,            -- valid range, checked by contracts and importers
    max_value      DOUBLE,
    thresholds     VARCHAR,           -- status classes as "upper_bound:label|..." (ascending)
    decimals       INTEGER NOT NULL,
    description_id VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL
);

-- Grain: one row per region x indicator x period. period is '2024' (year) or '2024-03' (month).
CREATE TABLE indicator_value (
    region_code  VARCHAR NOT NULL,
    indicator_id VARCHAR NOT NULL,
    period       VARCHAR NOT NULL,
    value        DOUBLE  NOT NULL,
    source_id    VARCHAR NOT NULL
);

-- indicator_coverage (grain: indicator x period x region level x source, with n_values) and
-- indicator_regions (grain: indicator, with the number of regions that have a value) summarise
-- indicator_value for the catalog-style queries. They are created, and re-created after every
-- change, by queries/build/coverage.sql (cettar/derive.py), which also brings them to a database
-- built before they existed; a contract checks them against the values.
-- region_value (grain: map level x region x indicator x period: what a kab/kota or kecamatan
-- map shows, stored or rolled up) is created the same way by queries/build/region_values.sql.

-- Grain: one row per program x kab/kota.
CREATE TABLE program_membership (
    program      VARCHAR NOT NULL,
    kabkota_code VARCHAR NOT NULL,
    start_year   INTEGER NOT NULL,
    end_year     INTEGER,
    source_url   VARCHAR NOT NULL,
    source_id    VARCHAR NOT NULL
);

-- Grain: one row per award given to one recipient for one innovation (or none).
CREATE TABLE award (
    award_id         INTEGER NOT NULL,
    year             INTEGER NOT NULL,
    award_name       VARCHAR NOT NULL,
    giver            VARCHAR NOT NULL,
    recipient_level  VARCHAR NOT NULL,  -- provinsi | kabupaten | kota | kecamatan | OPD provinsi
    recipient_name   VARCHAR NOT NULL,
    region_code      VARCHAR,           -- dotted Kemendagri code of the recipient's region
    innovation_name  VARCHAR,
    rank_category    VARCHAR,
    event_date       DATE,              -- first day of the event; NULL when unknown
    event_date_text  VARCHAR,           -- as the source gives it (may be a range)
    source_url       VARCHAR NOT NULL,
    source_publisher VARCHAR,
    note             VARCHAR,
    source_id        VARCHAR NOT NULL
);

-- Grain: one row per innovation x originating region.
CREATE TABLE innovation (
    innovation_id  INTEGER NOT NULL,
    name           VARCHAR NOT NULL,
    region_code    VARCHAR NOT NULL,
    start_year     INTEGER,
    service_domain VARCHAR,
    status         VARCHAR,
    description    VARCHAR,
    source_id      VARCHAR NOT NULL
);

-- Grain: one row per Inmendagri x kab/kota with a known level. Periods without a known level
-- have no row: unknown is never filled in.
CREATE TABLE ppkm_level (
    inmendagri       VARCHAR NOT NULL,  -- '22/2021'
    valid_from       DATE,              -- NULL where the source does not give the validity period
    valid_to         DATE,
    kabkota_code     VARCHAR NOT NULL,
    level            INTEGER NOT NULL,
    evidence         VARCHAR NOT NULL,  -- stated | inferred_by_elimination | stated_as_previous_level_... | stated_aggregate_all_jawa_bali
    source_url       VARCHAR NOT NULL,
    source_publisher VARCHAR,
    note             VARCHAR,
    source_id        VARCHAR NOT NULL
);

-- Grain: one row per week x kab/kota. A different measure from the PPKM level.
CREATE TABLE risk_zone (
    week_date        DATE    NOT NULL,  -- the corrected date where the source mislabelled it
    source_date      DATE    NOT NULL,  -- the date as the source labelled it
    source_date_text VARCHAR,
    kabkota_code     VARCHAR NOT NULL,
    zone             VARCHAR NOT NULL,  -- tidak_ada_kasus | rendah | sedang | tinggi
    note             VARCHAR,
    source_id        VARCHAR NOT NULL
);

-- Grain: one row per coordination activity in one kecamatan on one date.
CREATE TABLE coordination_record (
    record_id      INTEGER NOT NULL,
    kecamatan_code VARCHAR NOT NULL,
    activity_date  DATE    NOT NULL,
    activity_type  VARCHAR NOT NULL,  -- forkopimcam_meeting | ppkm_micro_post | vaccination_drive | public_order_operation | social_aid_distribution | other
    agencies       VARCHAR NOT NULL,  -- ';'-separated agency ids
    participants   INTEGER,
    outcome        VARCHAR,
    source_id      VARCHAR NOT NULL
);

-- Grain: one row per compiled KOMPAK program fact.
CREATE TABLE kompak_fact (
    fact_id          INTEGER NOT NULL,
    topic            VARCHAR NOT NULL,
    region_code      VARCHAR NOT NULL,
    kecamatan_code   VARCHAR,
    fact             VARCHAR NOT NULL,
    date_text        VARCHAR,
    source_url       VARCHAR NOT NULL,
    source_publisher VARCHAR,
    note             VARCHAR,
    source_id        VARCHAR NOT NULL
);

-- Grain: one row per key. What was built, when, from what.
CREATE TABLE build_info (
    key   VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);

-- Grain: one row per boundary level x region code. Geometry as WKB in EPSG:4326: the full
-- imported shape (for exports) and a topology-preserving simplified one (for display).
CREATE TABLE boundary (
    level            VARCHAR NOT NULL,  -- kabkota | kecamatan | desa
    code             VARCHAR NOT NULL,
    geometry_full    BLOB    NOT NULL,
    geometry_display BLOB    NOT NULL,
    source_id        VARCHAR NOT NULL
);

-- Grain: one row per successful import (the audit log). Kept originals live in the import
-- store, content-addressed by sha256, so a rebuild replays every import in order.
CREATE TABLE import_log (
    import_id     INTEGER NOT NULL,
    imported_at   TIMESTAMP NOT NULL,
    imported_by   VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,  -- indicators | idm | awards | ... | boundaries
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    rows_added    INTEGER NOT NULL,
    rows_replaced INTEGER NOT NULL,
    source_id     VARCHAR NOT NULL,
    options       VARCHAR NOT NULL   -- JSON of the options the import ran with (for replay)
);

-- Grain: one row per region x date: daily COVID-19 figures as the Satgas published them (today
-- only the province as a whole; kab/kota series can be imported the same way). Filled by
-- `cettar import covid-cases`; the build leaves it empty.
CREATE TABLE covid_case (
    case_date       DATE    NOT NULL,
    region_code     VARCHAR NOT NULL,  -- provinsi (35) or kab/kota code
    new_cases       INTEGER NOT NULL,
    new_deaths      INTEGER NOT NULL,
    new_recovered   INTEGER NOT NULL,
    active_change   INTEGER,           -- change in active (treated or isolating) cases; may be negative
    total_cases     INTEGER,           -- cumulative figures as published (not recomputed)
    total_recovered INTEGER,
    total_deaths    INTEGER,
    total_active    INTEGER,
    source_id       VARCHAR NOT NULL
);

-- Grain: one row per innovation x adopting region. The innovation is named by its natural key
-- (innovation.name + innovation.region_code, the region where it started), so replacing an
-- innovation by an import never leaves its replications pointing at a stale id. Filled by the
-- demo generator (cettar/demo_innovation.py, source 'demo') and by `cettar import replications`.
CREATE TABLE replication (
    innovation_name      VARCHAR NOT NULL,  -- = innovation.name
    origin_region_code   VARCHAR NOT NULL,  -- = innovation.region_code (where it started)
    adopting_region_code VARCHAR NOT NULL,  -- kab/kota, kecamatan or desa that took it up
    year                 INTEGER NOT NULL,  -- year of adoption
    source_url           VARCHAR,           -- one or more URLs separated by ' ; '
    note                 VARCHAR,
    source_id            VARCHAR NOT NULL
);

-- Grain: one row per kecamatan x delegated authority x evaluation year. A bupati/wali kota
-- delegates authority to the camat by a Perbup/Perwal (PP 17/2018) and evaluates every year how
-- the kecamatan exercises it. Filled by `cettar import authority` (the build adds demo rows).
CREATE TABLE delegated_authority (
    kecamatan_code    VARCHAR NOT NULL,
    year              INTEGER NOT NULL,  -- evaluation year
    authority         VARCHAR NOT NULL,  -- as the regulation names it
    authority_type    VARCHAR NOT NULL,  -- perizinan | rekomendasi | koordinasi | pembinaan | pengawasan | fasilitasi | penetapan | penyelenggaraan | lainnya
    sector            VARCHAR NOT NULL,  -- the government affair (urusan), e.g. administrasi kependudukan
    regulation_type   VARCHAR NOT NULL,  -- perbup | perwal | lainnya
    regulation_number VARCHAR NOT NULL,
    regulation_year   INTEGER NOT NULL,
    since_year        INTEGER,           -- since when the camat holds it (NULL: not stated)
    evaluation        VARCHAR NOT NULL,  -- sangat_baik | baik | cukup | kurang | belum_dievaluasi
    evaluation_score  DOUBLE,            -- 0-100, where the evaluation gives a score
    note              VARCHAR,
    source_id         VARCHAR NOT NULL
);

-- Grain: one row per kecamatan x year: integrated administrative services (PATEN).
CREATE TABLE paten_status (
    kecamatan_code     VARCHAR NOT NULL,
    year               INTEGER NOT NULL,
    implemented        BOOLEAN NOT NULL,
    since_year         INTEGER,          -- first year of PATEN in the kecamatan
    services_offered   INTEGER,          -- number of service types offered
    services           VARCHAR,          -- the services, '; '-separated
    standard_published BOOLEAN,          -- service standard (standar pelayanan) published
    note               VARCHAR,
    source_id          VARCHAR NOT NULL
);

-- Grain: one row per training event (name x start date), e.g. frontline service delivery.
CREATE TABLE training_event (
    event_id   INTEGER NOT NULL,
    name       VARCHAR NOT NULL,
    start_date DATE    NOT NULL,
    end_date   DATE    NOT NULL,
    place      VARCHAR,
    organiser  VARCHAR NOT NULL,
    source_id  VARCHAR NOT NULL
);

-- Grain: one row per training event x kecamatan x participant role (a participant group).
CREATE TABLE training_participation (
    event_id       INTEGER NOT NULL,
    kecamatan_code VARCHAR NOT NULL,
    role           VARCHAR NOT NULL,  -- camat | sekretaris_camat | kasi_pelayanan | staf_paten | pendamping_desa | perangkat_desa | lainnya
    participants   INTEGER NOT NULL,
    source_id      VARCHAR NOT NULL
);
