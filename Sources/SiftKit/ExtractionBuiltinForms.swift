// The built-in extraction forms, compiled in so that `sift` works outside the source tree.
// Generated from schemas/forms/*.yaml: keep identical (EndToEndTests/ExtractFormTests checks it).

/// Forms shipped with Sift.
public enum ExtractionBuiltinForms {
  /// The form used when the protocol names none.
  public static let defaultID = "text-alliance"

  /// Ids of the built-in forms.
  public static let ids = ["text-alliance"]

  /// The YAML text of a built-in form.
  public static func text(for id: String) -> String? {
    switch id {
    case "text-alliance": return textAlliance
    default: return nil
    }
  }

  static let textAlliance = #"""
    # Extraction form: therapeutic alliance in text-based online psychotherapy.
    # Reproduces Tables 1-3 of the reference scoping review and carries the structured values its synthesis needs.
    # Format: docs/extraction.md; schema: schemas/extraction-form.schema.json.
    id: text-alliance
    title: Therapeutic alliance in text-based online psychotherapy
    version: 1
    # The n that weights a row in the synthesis: this column of the row, unless the entry itself has an `n` column value.
    weight: {table: study, column: sample_size}
    reference_label: References
    footnote_not_available: "If a study did not report certain information, this is indicated with n.a. (not available)."

    tables:
      - id: participants
        number: 1
        caption: Participant characteristics.
        entries: one
        columns:
          - id: presenting_problem
            label: Presenting problem
            type: multi-category
            required: true
            open: true
            values: [anxiety, depression, PTSD, OCD, binge-eating, preterm labor stress, chronic tinnitus, mood, personality, stress, cancer, childhood traumatization, other]
            help: >-
              Categories of the problem treated (DSM-5 groups, for counting); put the paper's wording in `text`,
              e.g. {value: [anxiety, depression], text: "Anxiety and depression during cancer"}.
          - id: gender
            label: Gender
            type: percentage
            unit: "% female"
            help: 'Percentage of female participants, e.g. {value: 75, text: "75% female"}.'
          - id: age
            label: Age (years), mean (SD)
            type: mean-sd
            unit: years
            help: 'Mean (SD) age, e.g. {mean: 38.9, sd: 13.5}; a part may be n.a.: {mean: n.a., sd: 0.80}.'

      - id: study
        number: 2
        caption: Study and intervention characteristics.
        entries: one
        columns:
          - id: design
            label: Study design
            type: category
            required: true
            open: true
            values: [RCT, part of an RCT, pilot RCT, controlled trial, open trial, uncontrolled trial, preference study, cross-sectional, other]
            help: 'Design category; the printed wording in `text`, e.g. {value: pilot RCT, text: "Randomized controlled pilot trial"}.'
          - id: sample_size
            label: Sample size
            type: integer
            required: true
            help: Number of participants in this intervention row (weights the row in the synthesis).
          - id: modality
            label: Modality
            type: text
          - id: communication
            label: Form(s) of communication (asynchronous/synchronous)
            type: multi-category
            values: [asynchronous, synchronous]
            help: 'e.g. {value: [asynchronous], text: "Feedback on self-help tasks (asynchronous)"}; n.a. when not specified.'
          - id: contact_frequency
            label: Frequency of contact, average time spent by therapist per client
            type: category
            open: true
            values: [weekly, 2-3 times a week, every 10-14 days, on demand, other]
            print_with: [therapist_time]
            help: 'Frequency category; printed as "<frequency>, <therapist_time>" unless `text` gives the cell verbatim.'
          - id: therapist_time
            label: Average time spent by therapist per client
            type: text
            printed: false
            help: As reported, e.g. "15min. a week"; n.a. when not reported.
          - id: treatment_length
            label: Treatment length
            type: text
            help: As reported, e.g. "8 weeks", "10 youth and five parent sessions".
          - id: length_weeks
            label: Treatment length in weeks
            type: number
            printed: false
            help: Length in weeks when reported in weeks (for counts); n.a. otherwise.
          - id: therapists
            label: Therapists
            type: text
          - id: approach
            label: Therapeutic approach
            type: category
            open: true
            values: [CBT, third-wave CBT, CBT and narrative exposure therapy, psychodynamic therapy, not specified, other]
            help: 'e.g. {value: CBT, text: "Cognitive behavior therapy"}.'

      - id: measurements
        number: 3
        caption: Measurements.
        entries: many
        reference_label: Authors
        order: label
        columns:
          - id: measure_rater
            label: "Therapeutic relationship measure and rater (c = client-rated, t = therapist-rated)"
            type: text
            required: true
          - id: moment
            label: Moment of assessment
            type: text
          - id: quality
            label: Quality of therapeutic relationship, Mean (Standard deviation)
            type: text
          - id: relationship
            label: Relationship between therapeutic relationship and outcome
            type: text
        footnotes:
          - >-
            The Working Alliance Inventory is from Horvath and Greenberg (24); the Working Alliance Inventory—Short Form is
            from Busseri and Tyler (50); the Working Alliance Inventory—Short Form Revised is from Hatcher and Gillaspy (51);
            the Working Alliance Inventory for Guided Internet Interventions is from Penedo et al. (36); the Therapeutic
            Alliance Questionnaire is from Bickman et al. (52), the Scale to Assess the Therapeutic Relationship is from
            McGuire-Snieckus et al. (53), the Agnew Relationship Measure is from Agnew-Davies et al. (54).

      # Structured values for the synthesis (not printed).
      - id: scores
        caption: Alliance scores (one entry per reported mean).
        entries: many
        columns:
          - id: measure
            label: Measure
            type: category
            required: true
            open: true
            values: [WAI, WAI-S, WAI-SR, WAI-I, TAQ, STAR, ARM, other]
          - id: variant
            label: Variant
            type: text
            help: e.g. "adapted for guided internet interventions".
          - id: rater
            label: Rater
            type: category
            required: true
            values: [client, therapist, composite]
          - id: subscale
            label: Subscale
            type: text
            help: Empty for the total score; else the subscale, e.g. "Bond".
          - id: timepoint
            label: Time point
            type: text
            help: e.g. "mid-treatment", "post-treatment".
          - id: scale_min
            label: Scale minimum
            type: number
          - id: scale_max
            label: Scale maximum
            type: number
          - id: mean
            label: Mean
            type: number
          - id: sd
            label: SD
            type: number
          - id: n
            label: n
            type: integer
            help: n of this score when it differs from the row's sample size.
          - id: synthesis
            label: Used in synthesis
            type: category
            values: ["yes", "no"]
            help: '"no" for scores the review did not pool (later time points, therapist ratings beside client ratings); default yes.'

      - id: relationships
        caption: Relationships between alliance and outcome (one entry per reported relationship).
        entries: many
        columns:
          - id: alliance
            label: Alliance score
            type: text
            help: e.g. "WAI-S total", "subscale tasks".
          - id: alliance_part
            label: Total or subscale
            type: category
            values: [total, subscale]
          - id: outcome
            label: Outcome
            type: text
            help: e.g. "residualized change scores on the primary outcome measures".
          - id: outcome_type
            label: Outcome type
            type: category
            values: [primary, secondary]
          - id: kind
            label: Analysis
            type: category
            required: true
            open: true
            values: [correlation, partial correlation, regression, multilevel model, mediation, change over time, other]
          - id: r
            label: r
            type: number
          - id: beta
            label: B or β
            type: number
          - id: r_squared
            label: R²
            type: number
          - id: p
            label: p
            type: text
            help: As printed, e.g. "0.03", "< 0.001".
          - id: significant
            label: Significant
            type: category
            required: true
            values: ["yes", "no"]
          - id: strength
            label: Strength as reported
            type: category
            values: [weak, small, moderate, strong, marginal]
            help: The paper's own label; the synthesis recomputes strength from r and the protocol thresholds.
          - id: synthesis
            label: Used in synthesis
            type: category
            values: ["yes", "no"]

    """#
}
