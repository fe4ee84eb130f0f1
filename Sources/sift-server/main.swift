print("sift-server: not built yet")
