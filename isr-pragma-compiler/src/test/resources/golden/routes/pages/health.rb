@ok = true
@checked = nil
