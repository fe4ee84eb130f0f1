import SiftCore

/// Where `sift prisma` and `sift report` read a project's flow when no `--flow` file is given.
enum ProjectFlowSource {
  static func load(projectPath: String) throws -> FlowInput {
    throw PrismaRunError.projectFlowUnavailable(projectPath: projectPath)
  }
}
