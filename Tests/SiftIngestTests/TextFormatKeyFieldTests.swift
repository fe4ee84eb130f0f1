import SiftCore
import SiftIngest
import TestSupport
import Testing

/// Title start, first author's family name, year and DOI of one record, as the file writes them.
struct KeyFields: Sendable, CustomStringConvertible {
  var path: String
  var index: Int
  var title: String?
  var family: String?
  var year: Int?
  var doi: String?

  init(_ path: String, _ index: Int, title: String?, family: String?, year: Int?, doi: String?) {
    self.path = path
    self.index = index
    self.title = title
    self.family = family
    self.year = year
    self.doi = doi
  }

  var description: String { "\(path)#\(index)" }

  static let all: [KeyFields] = [
    KeyFields(
      "ris/asreview-ovid_psycinfo.ris", 0, title: "The influence of self-criticis", family: "Trindade", year: 2019,
      doi: "10.1002/cpp.2398"),
    KeyFields(
      "ris/asreview-ovid_zotero.ris", 0, title: "The influence of self-criticis", family: "Trindade", year: 2019,
      doi: "10.1002/cpp.2398"),
    KeyFields(
      "ris/asreview-proquest.ris", 0, title: "Predictors of posttraumatic st", family: "Jones", year: 2019,
      doi: "10.1002/jts.22387"),
    KeyFields(
      "ris/asreview-pubmed_endnote.txt", 0, title: "Boswellia serrata: an overall ", family: "Abdel-Tawab", year: 2011,
      doi: "10.2165/11586800-000000000-00000"),
    KeyFields(
      "ris/asreview-scopus.ris", 0, title: "Stress and the brain-gut axis ", family: "Labanski", year: 2020,
      doi: "10.1016/j.psyneuen.2019.104501"),
    KeyFields(
      "ris/asreview-web_of_science_ris.txt", 0, title: "Holding Yourself Captive: Perc", family: "Alceste", year: 2018,
      doi: "10.1016/j.jarmac.2018.03.001"),
    KeyFields(
      "ris/citesource-psycinfo_64.ris", 0, title: "The different role of trait em", family: "Lyu", year: 2022,
      doi: "10.1016/j.neuropsychologia.2022.108369"),
    KeyFields(
      "ris/colrev-psycinfo_apa_native.ris", 0, title: "Primary Title", family: "Author-One", year: 2020,
      doi: "10.1011/hea0004444"),
    KeyFields(
      "ris/jabref-RisImporterTest5a.ris", 0, title: "Release profile of ibuprofen i", family: "Salustio", year: 2012,
      doi: "10.1016/j.powtec.2012.01.008"),
    KeyFields(
      "ris/jabref-RisImporterTest8_date.ris", 0, title: "Hydration forces between silic", family: "Valle-Delgado",
      year: 2005, doi: "10.1063/1.1954747"),
    KeyFields(
      "ris/jabref-RisImporterTestDOI.ris", 0, title: "The effect of smartphone usage", family: "Jung", year: 2016,
      doi: "10.1589/jpts.28.186"),
    KeyFields(
      "ris/jabref-RisImporterTestScience.ris", 0, title: "Phase separation and ω transfo", family: "Ghosh", year: 2016,
      doi: "10.1016/j.actamat.2016.09.028"),
    KeyFields(
      "ris/jabref-RisImporterTestScopus.ris", 0, title: "A transversely isotropic compo", family: "Federico",
      year: 2004, doi: "10.1016/j.jmps.2004.03.010"),
    KeyFields(
      "ris/rispy-example_basic.ris", 0, title: "A Mathematical Theory of Commu", family: "Shannon", year: 1948, doi: nil
    ),
    KeyFields("ris/rispy-example_custom_list_tags.ris", 0, title: nil, family: "Marx", year: nil, doi: nil),
    KeyFields("ris/rispy-example_full.ris", 0, title: "Title of reference", family: "Marx", year: 2014, doi: nil),
    KeyFields(
      "ris/rispy-example_urls.ris", 0, title: "A Mathematical Theory of Commu", family: "Shannon", year: 1948, doi: nil),
    KeyFields(
      "ris/rispy-example_utf_chars.ris", 0, title: "Состояние рецепторного аппарат", family: "Dobrokhotova", year: 2009,
      doi: nil),
    KeyFields(
      "ris/synthesisr-ASP_ris_example.ris", 0, title: "“Living on the edge”: The role", family: "Rodríguez-Pastor",
      year: 2016, doi: "10.1016/j.agee.2016.06.041"),
    KeyFields(
      "ris/synthesisr-Ovid_ris_example.ris", 0, title: "Detection of retention trees o", family: "Holmstrom",
      year: 2020, doi: "10.4236/ojf.2020.101008"),
    KeyFields(
      "ris/synthesisr-Scopus_ris_example.ris", 0, title: "Soil fauna diversity at differ", family: "Li", year: 2020,
      doi: "10.1080/20964129.2020.1722034"),
    KeyFields(
      "ris/wiley-mpif-readme.ris", 0, title: "A variable neighborhood search", family: "Lozano-Osorio", year: 2024,
      doi: "10.1111/itor.13468"),
    KeyFields(
      "wos/bibliometrix-performance_soccer.txt", 0, title: "Assessing the scoring efficien", family: "Villa",
      year: 2016, doi: "10.1016/j.ejor.2016.05.024"),
    KeyFields(
      "wos/bibliometrix-wos_sample.txt", 0, title: "Mapping the application of Geo", family: "Toh", year: 2026,
      doi: "10.1080/00396265.2026.2635057"),
    KeyFields(
      "wos/jabref-IsiImporterTestWOS.isi", 0, title: "Optical and photoelectric spec", family: "Gamernyk", year: 2006,
      doi: nil),
    KeyFields(
      "wos/rispy-example_wos.txt", 0, title: "Interactions stabilizing the s", family: "Parkes-Loach", year: 2004,
      doi: "10.1021/bi049798f"),
    KeyFields(
      "wos/synthesisr-WoS_ciw_example.ciw", 0, title: "Soil fauna diversity at differ", family: "Li", year: 2020,
      doi: "10.1080/20964129.2020.1722034"),
    KeyFields("medline/colrev-eric_nbib.nbib", 0, title: "Paper title", family: "Smith", year: 2000, doi: nil),
    KeyFields(
      "medline/jabref-MedlinePlainImporterTestCompleteEntry.txt", 0, title: "From danger and motherhood to ",
      family: "Long", year: 2009, doi: nil),
    KeyFields(
      "medline/jabref-MedlinePlainImporterTestDOI.txt", 0, title: nil, family: nil, year: nil,
      doi: "10.1016/j.cpr.2005.02.002"),
    KeyFields(
      "medline/jabref-MedlinePlainImporterTestMultiAbstract.txt", 0, title: nil, family: nil, year: 2013, doi: nil),
    KeyFields(
      "medline/jabref-MedlinePlainImporterTestMultiTitle.txt", 0, title: "This is a Testtitle This title", family: nil,
      year: nil, doi: nil),
    KeyFields(
      "medline/jabref-NbibImporterTest.nbib", 0, title: "Proteomics: A new perspective ", family: "Shruthi", year: 2016,
      doi: "10.4103/2277-9175.180636"),
    KeyFields(
      "medline/synthesisr-PubMed_example.txt", 0, title: "Differences in nitrate and pho", family: "Neilen", year: 2017,
      doi: "10.1016/j.scitotenv.2017.04.075"),
    KeyFields("ovid/jabref-OvidImporterTest1.txt", 0, title: "Einleitung", family: "Mustermann", year: 2015, doi: nil),
    KeyFields(
      "ovid/jabref-OvidImporterTest3.txt", 0, title: "Effects of computer-aided clin", family: "Holstiege", year: 2014,
      doi: "10.1136/amiajnl-2014-002886"),
    KeyFields(
      "ovid/jabref-OvidImporterTest6.txt", 0, title: "Correct positioning of percuta", family: "Verbeek", year: 2015,
      doi: "10.1097/bot.0000000000000502"),
    KeyFields(
      "endnote-tagged/colrev-enl_data.enl", 0, title: "How Trust Leads to Commitment ", family: "Guo", year: 2021,
      doi: nil),
    KeyFields("edge/rispy-example_bom.ris", 0, title: nil, family: nil, year: nil, doi: "10.1186/s40981-020-0316-0"),
    KeyFields(
      "edge/rispy-example_empty_tag.ris", 0, title: "Outcome Measures After Shoulde", family: "Fanning", year: 2020,
      doi: "10.1177/2325967120950040"),
    KeyFields(
      "edge/rispy-example_extraneous_data.ris", 1, title: "The title of the reference", family: "Marxus", year: 2006,
      doi: nil),
    KeyFields(
      "edge/rispy-example_starting_newlines.ris", 0, title: "A Mathematical Theory of Commu", family: "Shannon",
      year: 1948, doi: nil),
    KeyFields(
      "edge/jabref-RisImporterCorrupted.ris", 0, title: "Editorial: Open Source and Emp", family: "Harrison",
      year: 2001, doi: "10.1023/a:1017379030770"),
    KeyFields(
      "edge/jabref-RisImporterTest1.ris", 0, title: "Editorial.", family: "Cocke", year: 2001,
      doi: "10.1023/a:1017379030770"),
    KeyFields(
      "edge/jabref-RisImporterTestWithEmptyER.ris", 0, title: "Length scales and interfacial ", family: "Shi",
      year: 2013, doi: "10.1063/1.4814070"),
    KeyFields(
      "edge/asreview-baseline_empty_values.ris", 0, title: "Title of reference", family: nil, year: nil, doi: nil),
    KeyFields(
      "edge/asreview-ris_issue_992.txt", 4, title: "Quarterly change", family: "Park", year: 2012,
      doi: "10.4168/aair.2012.4.1.1"),
    KeyFields(
      "edge/jabref-MedlinePlainImporterStringOutOfBounds.txt", 1, title: "This is also a test title", family: nil,
      year: nil, doi: nil),
    KeyFields(
      "edge/jabref-OvidImporterTest2Invalid.txt", 1, title: "Comparing Computer Adaptive an", family: "Shapiro",
      year: 2015, doi: "10.1037/spq0000116"),
    KeyFields("edge/jabref-Endnote.entries.enw", 0, title: "testT", family: "testA0", year: nil, doi: nil),
  ]
}

@Suite("Text formats: key fields")
struct TextFormatKeyFieldTests {
  @Test("Title, first author, year and DOI", arguments: KeyFields.all)
  func keyFields(_ expected: KeyFields) throws {
    let (records, _) = try readAll(.file(path: Fixtures.export(expected.path).path))
    let record = try #require(records.count > expected.index ? records[expected.index] : nil)
    if let title = expected.title {
      #expect(record.title?.hasPrefix(title) == true, "title \(record.title ?? "nil")")
    } else {
      #expect(record.title == nil)
    }
    #expect(record.authors.first?.family == expected.family)
    #expect(record.year == expected.year)
    #expect(record.doi == expected.doi)
  }

  @Test func everyKeyFieldFileIsAFixture() throws {
    let paths = Set(try TextFixture.all().map(\.path))
    for expected in KeyFields.all { #expect(paths.contains(expected.path), "\(expected.path)") }
  }

  @Test func risMapsTheUsualFields() throws {
    let (records, summary) = try readAll(.file(path: Fixtures.export("ris/asreview-scopus.ris").path))
    let r = try #require(records.first)
    #expect(summary.database == "Scopus")
    #expect(r.database == "Scopus")
    #expect(r.type == "JOUR")
    #expect(r.sourceTitle == "Psychoneuroendocrinology")
    #expect(r.volume == "111")
    #expect(r.issn == ["0306-4530"])
    #expect(r.language == "English")
    #expect(r.publicationTypes == ["Review"])
    #expect(r.keywords.count == 9)
    #expect(r.authors.map(\.family) == ["Labanski", "Langhorst", "Engler", "Elsenbruch"])
    #expect(r.fields.first == Field("TY", "JOUR"))
    #expect(r.abstract?.hasPrefix("The broad role of stress") == true)
  }

  @Test func pubmedViaEndNoteRISTakesThePMIDFromAN() throws {
    let (records, _) = try readAll(.file(path: Fixtures.export("ris/asreview-pubmed_endnote.txt").path))
    let r = try #require(records.first)
    #expect(r.pmid == "21553931")
    #expect(r.accession == "21553931")
    #expect(r.database == "PubMed")
  }

  @Test func databaseInferredFromContent() throws {
    let cases: [(String, String)] = [
      ("ris/citesource-psycinfo_64.ris", "PsycINFO"),
      ("ris/asreview-ovid_psycinfo.ris", "PsycINFO"),
      ("ris/asreview-web_of_science_ris.txt", "Web of Science"),
      ("ris/wiley-mpif-readme.ris", "Wiley"),
      ("ris/synthesisr-ASP_ris_example.ris", "Academic Search Premier"),
      ("wos/bibliometrix-wos_sample.txt", "Web of Science"),
      ("medline/synthesisr-PubMed_example.txt", "PubMed"),
      ("medline/colrev-eric_nbib.nbib", "ERIC"),
    ]
    for (path, database) in cases {
      let (records, _) = try readAll(.file(path: Fixtures.export(path).path))
      #expect(records.first?.database == database, "\(path)")
    }
    var seen: [String?] = []
    _ = try Ingest.read(.file(path: Fixtures.export("ris/asreview-scopus.ris").path), database: "Embase") {
      seen.append($0.database)
    }
    #expect(seen.allSatisfy { $0 == "Embase" })
  }

  @Test func wosMapsAccessionPagesAndKeywords() throws {
    let (records, _) = try readAll(.file(path: Fixtures.export("wos/rispy-example_wos.txt").path))
    let r = try #require(records.first)
    #expect(r.accession == "WOS:000221807500019")
    #expect(r.pmid == "15170338")
    #expect(r.pages == "7003-7016")
    #expect(r.sourceTitle == "BIOCHEMISTRY")
    #expect(r.authors.count == 4)
    #expect(!r.keywords.isEmpty)
  }

  @Test func medlinePrefersFullAuthorNames() throws {
    let (records, _) = try readAll(
      .file(path: Fixtures.export("medline/jabref-MedlinePlainImporterTestCompleteEntry.txt").path))
    let r = try #require(records.first)
    #expect(r.authors.map(\.asWritten) == ["Long, Vicky", "Marland, Hilary"])
    #expect(r.pmid == "20481061")
    #expect(r.pages == "454-81")
    #expect(r.issn == ["0955-2359"])
    #expect(r.title?.hasSuffix("early twentieth-century Britain.") == true)
  }

  @Test func ovidParsesTheSourceLine() throws {
    let (records, _) = try readAll(.file(path: Fixtures.export("ovid/jabref-OvidImporterTest1.txt").path))
    let r = try #require(records.count > 1 ? records[1] : nil)
    #expect(r.sourceTitle == "Source Very Long Title")
    #expect(r.volume == "28")
    #expect(r.issue == "2")
    #expect(r.pages == "103-106")
    #expect(r.year == 2015)
  }
}
