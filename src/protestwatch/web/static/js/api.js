// Reading the API: the only place that builds request URLs.

export async function getJson(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    for (const item of [].concat(value)) if (item !== "" && item !== null && item !== undefined) url.searchParams.append(name, item);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url.pathname}`);
  return response.json();
}
