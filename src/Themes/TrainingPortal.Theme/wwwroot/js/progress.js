// Long work (a staff import, a report run): while the server is busy, refreshes the progress region every two
// seconds from its data-progress-url, then reloads the page to show how the work ended. Without this script the
// page has a Refresh link instead.
const region = document.querySelector('[data-progress]')

if (region) {
  const url = region.getAttribute('data-progress-url')
  const text = region.querySelector('[data-progress-text]')
  const bar = region.querySelector('[data-progress-bar]')
  const refresh = region.querySelector('[data-progress-refresh]')
  const interval = 2000

  if (refresh) {
    refresh.hidden = true
  }

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (!response.ok) {
        throw new Error(`Progress request failed: ${response.status}`)
      }
      const progress = await response.json()
      if (!progress.inProgress) {
        window.location.reload()
        return
      }
      // Only a change is written, so screen readers are not told the same thing again.
      if (text && text.textContent !== progress.text) {
        text.textContent = progress.text
      }
      if (bar) {
        bar.className = `portal-bar-chart__bar portal-bar-chart__bar--${Math.max(0, Math.min(100, progress.percent | 0))}`
      }
      window.setTimeout(poll, interval)
    } catch {
      // Leave the page as it is, with its Refresh link, rather than retrying for ever.
      if (refresh) {
        refresh.hidden = false
      }
    }
  }

  window.setTimeout(poll, interval)
}
