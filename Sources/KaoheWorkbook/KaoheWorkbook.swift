import KaoheCore
