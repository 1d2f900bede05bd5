// Pagefind search in Material's search box and results panel (see builder/search/pagefind.py).
//
// The template (overrides/partials/briefing-search.html) renders the box with Material's
// classes; this script moves it into the header, loads Pagefind on first use (the index of
// the page's own language, from <html lang>), folds the query the way Arabic readers type
// it, and renders results, filters and sort order. Result text is set as text, never HTML,
// except Pagefind's excerpts, which it escapes itself and marks with <mark>.
(function () {
  "use strict";

  const mount = document.querySelector(".briefing-search-mount");
  const header = document.querySelector(".md-header__inner");
  if (!mount || !header) return;
  const config = JSON.parse(mount.querySelector("[data-briefing-search-config]").textContent);
  const labels = config.labels;
  const before = header.querySelector(".md-header__source");
  for (const node of Array.from(mount.children)) {
    if (node.tagName !== "SCRIPT") header.insertBefore(node, before);
  }
  mount.remove();

  const toggle = document.getElementById("__search");
  const form = header.querySelector(".md-search__form");
  const input = header.querySelector("[data-briefing-search-query]");
  const meta = header.querySelector("[data-briefing-search-meta]");
  const list = header.querySelector("[data-briefing-search-results]");
  const more = header.querySelector("[data-briefing-search-more]");
  const controls = header.querySelector("[data-briefing-search-controls]");
  // Results whose page data (Pagefind's fragments) a search loads at once; Pagefind's own
  // UI shows five too. The "more" button loads the next five.
  const PAGE = 5;

  // Readers type without hamza or diacritics, ى as ي, in either digit set: folded here the
  // way Pagefind's Arabic stemmer folds the indexed text. ة typed as ه is not folded by the
  // stemmer, so a word ending in ه is searched both ways (see spellings()).
  function fold(query) {
    return query
      .normalize("NFKC")
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064A")
      .replace(/\s+/g, " ")
      .trim()
      .split(" ")
      .map(withoutArticle)
      .join(" ");
  }

  // The article ال (with an attached و ف ب ك, or ل as لل) is dropped from a query word when
  // three letters or more remain, unless they begin with what Pagefind's Arabic stemmer would
  // then strip as another prefix (و ف ب ك ل, the verb prefixes سا سي ست سن, يست نست تست).
  // The stemmer drops the article from the indexed words too, so the same pages match. But
  // Pagefind also looks each typed word up as written, and the index chunk where words in ال
  // sort holds the longest posting lists of the corpus (function words the stemmer leaves
  // whole): fetching it would cost most of a first search.
  function withoutArticle(word) {
    const found =
      /^(?:[\u0648\u0641]?[\u0628\u0643]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)(.{3,})$/.exec(word);
    if (!found) return word;
    const rest = found[1];
    if (/^(?:[\u0648\u0641\u0628\u0643\u0644]|\u0633[\u0627\u064A\u062A\u0646]|[\u064A\u0646\u062A]\u0633\u062A)/.test(rest)) {
      return word;
    }
    return rest;
  }

  // The query as typed, then with ة for a final ه in up to three words (السفاره الصينيه
  // -> السفارة الصينية): at most eight searches, merged by best score.
  function spellings(query) {
    let found = [query];
    const words = query.split(" ");
    const endings = words.map((word, index) => (/..\u0647$/.test(word) ? index : -1));
    for (const index of endings.filter((i) => i >= 0).slice(0, 3)) {
      found = found.concat(
        found.map((variant) => {
          const parts = variant.split(" ");
          parts[index] = parts[index].slice(0, -1) + "\u0629";
          return parts.join(" ");
        }),
      );
    }
    return found;
  }

  let pagefind = null;
  async function engine() {
    if (!pagefind) {
      const bundle = new URL(config.bundle, document.baseURI).href;
      const loaded = await import(bundle + "pagefind.js");
      await loaded.options({
        baseUrl: new URL(config.root, document.baseURI).pathname,
        excerptLength: 24,
        // Length penalty and metadata weights (builder/search/pagefind.py, RANKING).
        ranking: config.ranking,
      });
      await loaded.init();
      pagefind = loaded;
    }
    return pagefind;
  }

  const chosen = {};
  let sort = "relevance";
  let results = [];
  let shown = 0;
  let generation = 0;

  function option(value, text, selected) {
    const element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    element.selected = selected;
    return element;
  }

  function select(name, text, values, current, onChange) {
    const wrapper = document.createElement("label");
    wrapper.className = "briefing-search-filter";
    const caption = document.createElement("span");
    caption.textContent = text;
    const element = document.createElement("select");
    element.name = name;
    element.dataset.briefingFilter = name;
    for (const [value, shownText] of values) {
      element.append(option(value, shownText, value === current));
    }
    element.addEventListener("change", () => onChange(element.value));
    wrapper.append(caption, element);
    return wrapper;
  }

  async function renderControls() {
    const engineReady = await engine();
    const available = await engineReady.filters();
    controls.replaceChildren();
    for (const name of config.filters) {
      const counts = available[name] || {};
      const values = Object.keys(counts).sort((a, b) => a.localeCompare(b));
      if (!values.length) continue;
      const entries = [["", labels.all]].concat(values.map((v) => [v, `${v} (${counts[v]})`]));
      controls.append(
        select(name, labels[name], entries, chosen[name] || "", (value) => {
          if (value) chosen[name] = value;
          else delete chosen[name];
          run();
        }),
      );
    }
    const orders = [
      ["relevance", labels.relevance],
      ["newest", labels.newest],
      ["oldest", labels.oldest],
    ];
    controls.append(
      select("sort", labels.sort, orders, sort, (value) => {
        sort = value;
        run();
      }),
    );
  }

  // The count's wording by the CLDR plural category of the number in the page language
  // (Arabic has six: 2 نتيجتان, 3 نتائج, 11 نتيجة ...).
  const plurals = new Intl.PluralRules(document.documentElement.lang || "en");
  function countText(count) {
    if (count === 0) return labels.none;
    const wording = labels["count_" + plurals.select(count)] || labels.count_other;
    return wording.replace("{n}", String(count));
  }

  function item(data) {
    const entry = document.createElement("li");
    entry.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    const excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes page text; only <mark> is markup
    // An ellipsis where the excerpt cuts into the page's text, before or after.
    const content = (data.content || "").trim();
    const plain = (data.plain_excerpt || "").trim();
    const at = plain ? content.indexOf(plain) : -1;
    if (at > 0) excerpt.prepend("… ");
    if (at >= 0 && at + plain.length < content.length) excerpt.append(" …");
    article.append(title);
    // What the page is, and a brief's date and outlet (an entity's latest brief's date).
    const facts = [];
    const meta = data.meta || {};
    if (data.filters && data.filters.type) facts.push(data.filters.type.join(", "));
    if (meta.published) facts.push(meta.published);
    if (meta.last_seen) facts.push(`${labels.last_seen} ${meta.last_seen}`);
    if (meta.outlet) facts.push(meta.outlet);
    if (facts.length) {
      const line = document.createElement("p");
      line.className = "briefing-search-facts";
      // Each fact isolated, so a Latin outlet name does not reorder an Arabic date.
      facts.forEach((fact, index) => {
        if (index) line.append(" · ");
        const part = document.createElement("bdi");
        part.textContent = fact;
        line.append(part);
      });
      article.append(line);
    }
    article.append(excerpt);
    link.append(article);
    entry.append(link);
    return entry;
  }

  // The batch being fetched, so a double click does not load the same results twice.
  let loading = null;
  function showMore() {
    const mine = generation;
    if (loading && loading.mine === mine) return loading.promise;
    const batch = results.slice(shown, shown + PAGE);
    const promise = Promise.all(batch.map((result) => result.data()))
      .then((data) => {
        if (mine !== generation) return;
        for (const page of data) list.append(item(page));
        shown += batch.length;
        more.hidden = shown >= results.length;
      })
      .finally(() => {
        if (loading && loading.promise === promise) loading = null;
      });
    loading = { mine, promise };
    return promise;
  }

  // One result per page. Sorted by date: in the order the searches return them (dated
  // pages first, in date order, then undated ones). Else by each page's best score.
  function merge(searches) {
    if (searches.length === 1) return searches[0].results;
    if (sort !== "relevance") {
      const ordered = new Map();
      for (const search of searches) {
        for (const result of search.results) if (!ordered.has(result.id)) ordered.set(result.id, result);
      }
      return Array.from(ordered.values());
    }
    const best = new Map();
    for (const search of searches) {
      for (const result of search.results) {
        const seen = best.get(result.id);
        if (!seen || result.score > seen.score) best.set(result.id, result);
      }
    }
    return Array.from(best.values()).sort((a, b) => b.score - a.score);
  }

  async function run() {
    const mine = ++generation;
    delete meta.dataset.query; // results for the current input are on their way
    const query = fold(input.value);
    const filters = Object.fromEntries(Object.entries(chosen));
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      meta.textContent = labels.initial;
      meta.dataset.query = "";
      more.hidden = true;
      return;
    }
    let found;
    try {
      const search = await engine();
      const options = { filters };
      if (sort !== "relevance") options.sort = { date: sort === "newest" ? "desc" : "asc" };
      // Wait for typing to pause; a newer keystroke supersedes this search.
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (mine !== generation) return;
      const first = await search.search(query || null, options);
      const others = query ? spellings(query).slice(1) : [];
      found = [first].concat(await Promise.all(others.map((q) => search.search(q, options))));
      // Pagefind leaves pages without a date out of a date-sorted search: list them after.
      if (options.sort) found.push(await search.search(query || null, { filters }));
    } catch (error) {
      meta.textContent = labels.error;
      throw error;
    }
    if (mine !== generation) return;
    results = merge(found);
    shown = 0;
    list.replaceChildren();
    meta.textContent = countText(results.length);
    await showMore();
    // What the panel now shows results for (read by the browser tests).
    if (mine === generation) meta.dataset.query = input.value;
  }

  input.addEventListener("input", run);
  // On wide screens the box sits in the header: focusing it opens the panel.
  input.addEventListener("focus", () => {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(run, 0);
    input.focus();
  });
  more.addEventListener("click", showMore);
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) toggle.checked = false;
  });
  // The filter lists (every actor, country, outlet ... with counts) grow with the corpus:
  // they are loaded when the reader asks for them, not with the first search.
  function offerControls() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button briefing-search-refine";
    button.dataset.briefingSearchRefine = "";
    button.textContent = labels.refine;
    button.addEventListener("click", () => {
      button.disabled = true;
      renderControls().catch(() => {
        meta.textContent = labels.error;
        button.disabled = false;
      });
    });
    controls.replaceChildren(button);
  }
  toggle.addEventListener("change", () => {
    if (!toggle.checked) return;
    input.focus();
    if (!controls.childElementCount) offerControls();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
})();
