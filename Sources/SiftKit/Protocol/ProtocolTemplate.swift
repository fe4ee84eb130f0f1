/// The commented `protocol.yaml` that `sift init` writes. It validates as it stands; edit it to your review.
public enum ProtocolTemplate {
  public static let text = """
    # Review protocol read by every `sift` command (schema: schemas/protocol.schema.json).
    # Keys are snake_case; lines starting with # are comments. Edit the values, keep the structure.

    title: "Your review title"
    question: "The review question, e.g. in PICO form."

    # Reviewer names or initials. Screening decisions are only accepted from these names.
    reviewers: [R1, R2]

    # Databases searched (PRISMA's left column). `name` is what `sift import --database NAME` refers to.
    databases:
      - name: PubMed
        platform: NCBI
        search: '"psychotherapy"[tiab] AND "alliance"[tiab]'
        date: "2024-01-15"
      - name: PsycINFO
        platform: EBSCOhost
        search: 'TI psychotherapy AND AB alliance'
        date: "2024-01-15"

    # Registers (optional), e.g. ClinicalTrials.gov.
    registers: []

    # Other methods (PRISMA's right column), e.g. citation searching:
    #   sift import --source "other-methods:Citation searching" FILE
    other_methods:
      - name: Citation searching

    search_dates:
      final: "2024-01-15"

    # Publication years accepted (inclusive); informational, the rules below decide automatically.
    date_window:
      from: 2005

    languages: [English]

    # Eligibility criteria: ids I1, I2… (inclusion) and E1, E2… (exclusion).
    # A `rule` lets `sift rules` decide a criterion from a record field:
    #   {field: year, min: 2005, max: 2024}
    #   {field: language, any_of: [English, German]}
    #   {field: publication_type, none_of: [Review, Meta-Analysis]}
    # A record fails a rule only when the field is known and outside it; an unknown field never excludes.
    criteria:
      - id: I1
        label: Psychotherapy study
        text: "The study examines a psychological treatment delivered by a therapist."
      - id: E1
        label: Published before 2005
        text: "Published before 2005."
        rule: {field: year, min: 2005}
      - id: E2
        label: Not in English
        text: "Not published in English."
        rule: {field: language, any_of: [English]}
      - id: E3
        label: Not original research
        text: "Reviews, meta-analyses, editorials and comments."
        rule: {field: publication_type, none_of: [Review, Meta-Analysis, Editorial, Comment]}

    # Screening stages in order: [title, abstract, full-text] or [title-abstract, full-text].
    stages: [title, abstract, full-text]

    # De-duplication thresholds (scores 0…1).
    dedup:
      merge_threshold: 0.90
      review_threshold: 0.75

    screening:
      # Whether `maybe` counts as include for progress and conflicts.
      maybe_counts_as_include: true
      # Terms shown in bold while screening.
      highlight: [alliance, psychotherapy]

    # The team server (`sift serve`) uses this project's sift.sqlite unless told otherwise; for a team on
    # PostgreSQL 15 (see docs/team-store.md), ${NAME} is read from the environment:
    # store: postgres://sift:${SIFT_DB_PASSWORD}@db.example:5432/review

    """
}
