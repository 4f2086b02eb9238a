# Pragma: revalidate 90s
import Stats, from: '../../models/stats.js'

@n = Stats.compute_stats()
@k = {"visits" => @n.visits, pages: @n.pages}
