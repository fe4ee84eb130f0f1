import SiftExtract
import Testing

/// A small form and hand-made extractions with hand-computed results.
enum Mini {
  static let form = ExtractionForm(
    id: "mini", title: "Mini form", version: 1, weight: WeightColumn(table: "study", column: "sample_size"),
    referenceLabel: "References", footnoteNotAvailable: "n.a., not available.",
    tables: [
      FormTable(
        id: "participants", number: 1, caption: "Participants.", entries: .one,
        columns: [
          FormColumn(
            id: "problem", label: "Problem", type: .multiCategory, required: true, values: ["anxiety", "depression"],
            open: true),
          FormColumn(id: "gender", label: "Gender", type: .percentage, unit: "% female"),
          FormColumn(id: "age", label: "Age, mean (SD)", type: .meanSD),
        ]),
      FormTable(
        id: "study", number: 2, caption: "Studies.", entries: .one,
        columns: [
          FormColumn(id: "design", label: "Design", type: .category, values: ["RCT", "open trial"]),
          FormColumn(id: "sample_size", label: "N", type: .integer, required: true),
          FormColumn(
            id: "frequency", label: "Contact", type: .category, values: ["weekly", "on demand"], open: true,
            printWith: ["time"]),
          FormColumn(id: "time", label: "Time", type: .text, printed: false),
        ]),
      FormTable(
        id: "measurements", number: 3, caption: "Measurements.", entries: .many, referenceLabel: "Authors",
        order: .label, footnotes: ["WAI: Working Alliance Inventory."],
        columns: [
          FormColumn(id: "measure_rater", label: "Measure", type: .text),
          FormColumn(id: "quality", label: "Quality", type: .text),
        ]),
      FormTable(
        id: "scores", entries: .many,
        columns: [
          FormColumn(id: "measure", type: .category, required: true, values: ["WAI", "WAI-S", "TAQ"]),
          FormColumn(id: "rater", type: .category, values: ["client", "therapist"]),
          FormColumn(id: "subscale", type: .text),
          FormColumn(id: "mean", type: .number),
          FormColumn(id: "sd", type: .number),
          FormColumn(id: "n", type: .integer),
          FormColumn(id: "synthesis", type: .category, values: ["yes", "no"]),
        ]),
      FormTable(
        id: "relationships", entries: .many,
        columns: [
          FormColumn(id: "kind", type: .category, values: ["correlation", "regression"]),
          FormColumn(id: "r", type: .number),
          FormColumn(id: "significant", type: .category, values: ["yes", "no"]),
          FormColumn(id: "strength", type: .category, values: ["weak", "small", "moderate", "strong"]),
        ]),
    ])

  /// Three studies, four rows:
  /// 1a (n 10, age 30 (5), WAI 5 (1)), 1b (n 30, age 40 (n.a.), WAI 6 (2), therapist WAI 4 (1) flagged no),
  /// 2 (n 20, age n.a. (3), WAI n.a., TAQ 80 (10) n 16), 3 (no sample size, WAI 7 (1)).
  static let csv = """
    study,row,table,entry,column,value,text,note
    1,,_study,,label,Alpha et al. (1),,
    1,,_study,,record,doi:10.1000/alpha,,
    1,1a,participants,,problem,anxiety,,
    1,1a,participants,,gender,75,75% female,
    1,1a,participants,,age,30 (5),,
    1,1a,study,,design,RCT,Randomised controlled trial,
    1,1a,study,,sample_size,10,,
    1,1a,study,,frequency,weekly,,
    1,1a,study,,time,15 min a week,,
    1,1a,measurements,1,@label,2a,,
    1,1a,measurements,1,measure_rater,"WAI, C",,
    1,1a,measurements,1,quality,5 (1),,
    1,1a,scores,1,measure,WAI,,
    1,1a,scores,1,rater,client,,
    1,1a,scores,1,mean,5,,
    1,1a,scores,1,sd,1,,
    1,1a,relationships,1,kind,correlation,,
    1,1a,relationships,1,r,0.30,,
    1,1a,relationships,1,significant,yes,,
    1,1a,relationships,1,strength,small,,
    1,1b,participants,,problem,anxiety; depression,,
    1,1b,participants,,gender,50,,
    1,1b,participants,,age,40 (n.a.),,
    1,1b,study,,design,RCT,,
    1,1b,study,,sample_size,30,,
    1,1b,study,,frequency,n.a.,,
    1,1b,measurements,1,@label,2b,,
    1,1b,measurements,1,measure_rater,"WAI, C & T",,
    1,1b,measurements,1,quality,"Client: 6 (2)\nTherapist: 4 (1)",,
    1,1b,scores,1,measure,WAI,,
    1,1b,scores,1,rater,client,,
    1,1b,scores,1,mean,6,,
    1,1b,scores,1,sd,2,,
    1,1b,scores,2,measure,WAI,,
    1,1b,scores,2,rater,client,,
    1,1b,scores,2,mean,4,,
    1,1b,scores,2,sd,1,,
    1,1b,scores,2,synthesis,no,,
    1,1b,relationships,1,kind,correlation,,
    1,1b,relationships,1,r,−0.0999,,
    1,1b,relationships,1,significant,no,,
    2,,_study,,label,Beta & Co (2),,
    2,2,participants,,problem,depression,,
    2,2,participants,,age,n.a. (3),,
    2,2,study,,design,open trial,,
    2,2,study,,sample_size,20,,
    2,2,study,,frequency,on demand,,
    2,2,measurements,1,@label,1,,
    2,2,measurements,1,measure_rater,TAQ | C,,
    2,2,measurements,1,quality,n.a.,,
    2,2,scores,1,measure,WAI,,
    2,2,scores,1,rater,client,,
    2,2,scores,1,mean,n.a.,,
    2,2,scores,2,measure,TAQ,,
    2,2,scores,2,rater,client,,
    2,2,scores,2,mean,80,,
    2,2,scores,2,sd,10,,
    2,2,scores,2,n,16,,
    2,2,relationships,1,kind,regression,,
    2,2,relationships,1,significant,yes,,
    2,2,relationships,2,kind,correlation,,
    2,2,relationships,2,r,0.5,,
    2,2,relationships,2,significant,yes,,
    3,,_study,,label,Gamma (3),,
    3,3,participants,,problem,n.a.,,
    3,3,study,,design,RCT,,
    3,3,scores,1,measure,WAI,,
    3,3,scores,1,rater,client,,
    3,3,scores,1,mean,7,,
    3,3,scores,1,sd,1,,

    """

  /// The mini extraction, read from `csv` (must have no errors).
  static func extraction() throws -> Extraction {
    let result = CSVExtractionReader(form: form, file: "mini.csv").read(csv)
    let errors = result.issues.filter(\.isError)
    #expect(errors.isEmpty, "\(errors)")
    return result.extraction
  }
}
