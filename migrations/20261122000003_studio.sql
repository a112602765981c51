-- The design studio: the brand's templates, option groups and options, and the designs
-- customers make from them. Money is minor units in the template's currency; nutrition is
-- kilocalories and milligrams; allergens and dietary tags are bit masks over fixed lists
-- (see src/studio/catalog.rs), so feeds can filter with `&`.

CREATE TABLE templates (
    id UUID PRIMARY KEY,
    slug TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    description_en TEXT NOT NULL,
    description_fr TEXT NOT NULL,
    currency TEXT NOT NULL,
    base_price BIGINT NOT NULL CHECK (base_price >= 0),
    base_cost BIGINT NOT NULL CHECK (base_cost >= 0),
    base_prep_seconds BIGINT NOT NULL CHECK (base_prep_seconds >= 0),
    max_prep_seconds BIGINT,
    base_layer_svg TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX templates_slug_key ON templates (slug);

CREATE TABLE option_groups (
    id UUID PRIMARY KEY,
    template_id UUID NOT NULL REFERENCES templates (id),
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    min_choices BIGINT NOT NULL,
    max_choices BIGINT NOT NULL,
    max_quantity BIGINT NOT NULL,
    CHECK (min_choices >= 0 AND max_choices >= 1 AND max_choices >= min_choices AND max_quantity >= 1)
);
CREATE INDEX option_groups_template_idx ON option_groups (template_id, position);

CREATE TABLE options (
    id UUID PRIMARY KEY,
    group_id UUID NOT NULL REFERENCES option_groups (id),
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    price_delta BIGINT NOT NULL,
    cost BIGINT NOT NULL CHECK (cost >= 0),
    prep_seconds BIGINT NOT NULL CHECK (prep_seconds >= 0),
    kcal BIGINT NOT NULL,
    protein_mg BIGINT NOT NULL,
    carbohydrate_mg BIGINT NOT NULL,
    fat_mg BIGINT NOT NULL,
    salt_mg BIGINT NOT NULL,
    allergens BIGINT NOT NULL,
    dietary BIGINT NOT NULL,
    layer_svg TEXT NOT NULL,
    layer_z BIGINT NOT NULL,
    availability TEXT NOT NULL CHECK (availability IN ('active', 'out_of_stock', 'retired')),
    updated_at BIGINT NOT NULL
);
CREATE INDEX options_group_idx ON options (group_id, position);

-- A design: a draft its creator edits, then published (frozen: `snapshot` holds what it was
-- made of, so later edits of the template never change what it means), possibly withdrawn.
CREATE TABLE designs (
    id UUID PRIMARY KEY,
    creator_id UUID NOT NULL REFERENCES accounts (id),
    template_id UUID NOT NULL REFERENCES templates (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    slug TEXT,
    name TEXT NOT NULL,
    story TEXT NOT NULL,
    -- space-separated, each tag lower-case letters, digits and hyphens
    tags TEXT NOT NULL,
    remix_of UUID REFERENCES designs (id),
    -- the quote, kept on the row so lists and feeds need no join
    currency TEXT NOT NULL,
    price BIGINT NOT NULL,
    kcal BIGINT NOT NULL,
    allergens BIGINT NOT NULL,
    dietary BIGINT NOT NULL,
    -- JSON, written once at publication
    snapshot TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    withdrawn_at BIGINT
);
CREATE UNIQUE INDEX designs_slug_key ON designs (slug);
CREATE INDEX designs_creator_idx ON designs (creator_id, created_at);
CREATE INDEX designs_remix_of_idx ON designs (remix_of);

CREATE TABLE design_choices (
    design_id UUID NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
    option_id UUID NOT NULL REFERENCES options (id),
    position BIGINT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (design_id, option_id)
);
