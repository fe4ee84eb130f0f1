/// The team screening server (Hummingbird 2) over a ``SiftTeamStore/TeamStore``.
public enum SiftServer {}
