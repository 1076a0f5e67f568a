/// The fixed parts of `concept-map.html`: its style, markup and script, written for GlossGraph.
/// The page's data comes between `head` and `body` (`ConceptMapPage`).
enum ConceptMapPageTemplate {
    static let head = """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="GlossGraph">
        <style>
        :root { --line: #555; --panel: #fafafa; --mark1: #ffe066; --mark2: #a5d8ff; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; display: grid; grid-template-columns: minmax(0, 1fr) 380px; grid-template-rows: auto 1fr; height: 100vh; }
        header { grid-column: 1 / 3; padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
        header h1 { font-size: 15px; margin: 0 12px 0 0; font-weight: 600; }
        header label { white-space: nowrap; }
        #search { width: 16em; }
        header select { max-width: 18em; }
        #found { color: #666; min-width: 5em; }
        #canvas { overflow: hidden; position: relative; background: #fff; cursor: grab; }
        #canvas.dragging { cursor: grabbing; }
        #map { width: 100%; height: 100%; display: block; user-select: none; }
        aside { border-left: 1px solid #ddd; background: var(--panel); overflow-y: auto; padding: 10px 14px; }
        #legend div { margin: 2px 0; cursor: pointer; }
        .swatch { display: inline-block; width: 22px; height: 11px; margin-right: 6px; border: 1px solid #888; vertical-align: middle; }
        .link .line { fill: none; stroke: var(--line); stroke-opacity: .55; }
        .link .hit { fill: none; stroke: transparent; stroke-width: 12; cursor: pointer; }
        .link:hover .line, .link.near .line, .link.selected .line { stroke: #c2255c; stroke-opacity: .95; }
        .node { cursor: pointer; }
        .node rect { stroke: #555; stroke-width: 1; }
        .node.discovered rect { stroke-dasharray: 4 3; }
        .node text { text-anchor: middle; dominant-baseline: central; fill: #111; pointer-events: none; }
        .node.found rect { stroke: #c2255c; stroke-width: 3.5; }
        .node.selected rect { stroke: #000; stroke-width: 3; }
        .hidden { display: none; }
        svg.focusing .node:not(.near):not(.focus), svg.focusing .link:not(.near) { opacity: .18; }
        svg.searching .node:not(.found) { opacity: .3; }
        #card h2 { font-size: 18px; margin: 4px 0; }
        #card h3 { font-size: 14px; margin: 14px 0 4px; }
        #card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0; }
        #card dt { color: #666; }
        #card dd { margin: 0; }
        .snippet { background: #fff; border: 1px solid #e3e3e3; border-radius: 4px; padding: 6px 8px; margin: 6px 0; }
        .snippet .where { color: #666; font-size: 12px; }
        .snippet p { margin: 2px 0 0; }
        mark.m1 { background: var(--mark1); }
        mark.m2 { background: var(--mark2); }
        .neighbour { color: #0b5394; cursor: pointer; text-decoration: underline; }
        .muted { color: #777; }
        </style>

        """

    static let body = """
        </head>
        <body>
        <header>
          <h1 id="title"></h1>
          <label>Search <input id="search" type="search" placeholder="中文, English or ABBR" autocomplete="off"></label>
          <span id="found" aria-live="polite"></span>
          <label>Community <select id="community"><option value="all">all</option></select></label>
          <label>Speaker <select id="speaker"><option value="all">all</option></select></label>
          <label>Min. link weight <input id="min-weight" type="range" min="0" value="0"> <span id="min-weight-value">0</span></label>
          <span>Labels
            <label><input type="radio" name="label" value="zh">中文</label>
            <label><input type="radio" name="label" value="en">English</label>
            <label><input type="radio" name="label" value="both">both</label>
          </span>
        </header>
        <div id="canvas"><svg id="map" xmlns="http://www.w3.org/2000/svg"></svg></div>
        <aside>
          <div id="card"><p class="muted">Click a concept or a link to read where it occurs. Hover a concept to see its neighbours.</p></div>
          <h3>Communities</h3>
          <div id="legend"></div>
        </aside>
        <script>
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('map-data').textContent);
          var svgNS = 'http://www.w3.org/2000/svg';
          var svg = document.getElementById('map');
          var state = { labels: data.labels, community: 'all', speaker: 'all', minWeight: 0, query: '', selected: null };
          var view = { x: 0, y: 0, w: data.width, h: data.height };
          // A small map is drawn at its own size, not blown up to fill the window.
          if (view.w < 900) { view.x -= (900 - view.w) / 2; view.w = 900; }
          if (view.h < 560) { view.y -= (560 - view.h) / 2; view.h = 560; }

          function make(tag, attributes, ns) {
            var element = ns ? document.createElementNS(svgNS, tag) : document.createElement(tag);
            Object.keys(attributes || {}).forEach(function (key) { element.setAttribute(key, attributes[key]); });
            return element;
          }
          function text(tag, content, className) {
            var element = make(tag);
            element.textContent = content;
            if (className) element.className = className;
            return element;
          }
          function key(name) { return String(name).toLowerCase().replace(/[\\s\\-\\u2010\\u2011·]/g, ''); }
          function name(node) { return state.labels === 'en' ? (node.en || node.zh) : (node.zh || node.en); }
          // "7 turns"; for a window of turns, "7 units of 3 turns".
          function units(count) { return count + ' ' + (data.unit.indexOf(' ') >= 0 ? (count === 1 ? 'unit' : 'units') + ' of ' + data.unit : data.unit + (count === 1 ? '' : 's')); }
          function fullName(node) { return node.zh && node.en ? node.zh + ' / ' + node.en : (node.zh || node.en); }

          document.getElementById('title').textContent = data.title;
          function setView() { svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' ')); }
          setView();

          // Links under boxes; a wide transparent path under each line takes the clicks.
          var linkLayer = make('g', { 'class': 'links' }, true);
          var nodeLayer = make('g', { 'class': 'nodes' }, true);
          svg.appendChild(linkLayer);
          svg.appendChild(nodeLayer);
          var maxWeight = data.links.reduce(function (m, l) { return Math.max(m, l.weight); }, 0);
          var minWeightSeen = data.links.reduce(function (m, l) { return Math.min(m, l.weight); }, maxWeight);
          var neighbours = data.nodes.map(function () { return []; });
          var linkElements = data.links.map(function (link, index) {
            neighbours[link.source].push(index);
            neighbours[link.target].push(index);
            var group = make('g', { 'class': 'link', 'data-index': index }, true);
            var strength = maxWeight > minWeightSeen ? (link.weight - minWeightSeen) / (maxWeight - minWeightSeen) : 1;
            group.appendChild(make('path', { d: link.path, 'class': 'hit' }, true));
            group.appendChild(make('path', { d: link.path, 'class': 'line', 'stroke-width': (1 + 3.5 * strength).toFixed(2) }, true));
            var tip = make('title', {}, true);
            tip.textContent = fullName(data.nodes[link.source]) + ' — ' + fullName(data.nodes[link.target]) + ': ' + units(link.count) + ', ' + data.measure + ' ' + link.weight;
            group.appendChild(tip);
            group.addEventListener('click', function (event) { event.stopPropagation(); showLink(index); });
            linkLayer.appendChild(group);
            return group;
          });
          var maxUnits = data.nodes.reduce(function (m, n) { return Math.max(m, n.units); }, 1);
          var nodeElements = data.nodes.map(function (node, index) {
            var group = make('g', { 'class': 'node' + (node.discovered ? ' discovered' : ''), 'data-id': node.id, transform: 'translate(' + node.x + ',' + node.y + ')' }, true);
            var rect = make('rect', { x: -node.w / 2, y: -node.h / 2, width: node.w, height: node.h, rx: 8, fill: (data.communities[node.community] || { color: '#D9D9D9' }).color }, true);
            group.appendChild(rect);
            group.appendChild(make('text', { 'font-size': (10 + 12 * Math.sqrt(node.units / maxUnits)).toFixed(1) }, true));
            var tip = make('title', {}, true);
            tip.textContent = fullName(node) + ': ' + units(node.units) + ', ' + node.mentions + ' mentions';
            group.appendChild(tip);
            group.addEventListener('mouseenter', function () { focus(index); });
            group.addEventListener('mouseleave', function () { focus(null); });
            group.addEventListener('click', function (event) { event.stopPropagation(); showConcept(index); });
            nodeLayer.appendChild(group);
            return group;
          });

          function drawLabels() {
            data.nodes.forEach(function (node, index) {
              var label = nodeElements[index].querySelector('text');
              while (label.firstChild) label.removeChild(label.firstChild);
              var lines = state.labels === 'zh' ? (node.zhLines.length ? node.zhLines : node.enLines)
                : state.labels === 'en' ? (node.enLines.length ? node.enLines : node.zhLines) : node.zhLines.concat(node.enLines);
              lines.forEach(function (line, number) {
                var span = make('tspan', { x: 0, dy: number === 0 ? (-(lines.length - 1) * 0.6) + 'em' : '1.2em' }, true);
                span.textContent = line;
                label.appendChild(span);
              });
            });
            document.querySelectorAll('input[name=label]').forEach(function (input) { input.checked = input.value === state.labels; });
          }

          function nodeVisible(node) {
            if (state.community !== 'all' && String(node.community) !== state.community) return false;
            if (state.speaker !== 'all' && !node.speakers.some(function (s) { return s[0] === state.speaker; })) return false;
            return true;
          }
          function apply() {
            var visible = data.nodes.map(nodeVisible);
            nodeElements.forEach(function (element, index) { element.classList.toggle('hidden', !visible[index]); });
            linkElements.forEach(function (element, index) {
              var link = data.links[index];
              element.classList.toggle('hidden', !(visible[link.source] && visible[link.target] && link.weight >= state.minWeight));
            });
            var query = key(state.query);
            var found = 0;
            nodeElements.forEach(function (element, index) {
              var node = data.nodes[index];
              var hit = query.length > 0 && [node.zh, node.en].concat(node.abbreviations, node.variants).some(function (n) { return n && key(n).indexOf(query) >= 0; });
              element.classList.toggle('found', hit);
              if (hit) found += 1;
            });
            svg.classList.toggle('searching', query.length > 0);
            document.getElementById('found').textContent = query.length ? found + ' found' : '';
          }

          function focus(index) {
            svg.classList.toggle('focusing', index !== null);
            nodeElements.forEach(function (element) { element.classList.remove('near', 'focus'); });
            linkElements.forEach(function (element) { element.classList.remove('near'); });
            if (index === null) return;
            nodeElements[index].classList.add('focus');
            neighbours[index].forEach(function (linkIndex) {
              var link = data.links[linkIndex];
              linkElements[linkIndex].classList.add('near');
              nodeElements[link.source].classList.add('near');
              nodeElements[link.target].classList.add('near');
            });
          }

          function select(kind, index) {
            nodeElements.forEach(function (element) { element.classList.remove('selected'); });
            linkElements.forEach(function (element) { element.classList.remove('selected'); });
            if (kind === 'node') nodeElements[index].classList.add('selected');
            if (kind === 'link') linkElements[index].classList.add('selected');
            state.selected = kind === null ? null : { kind: kind, index: index };
          }

          function snippetList(snippets, parent) {
            if (!data.evidence) { parent.appendChild(text('p', 'The passages are not at hand: this map was made from counts files or from standard input.', 'muted')); return; }
            if (!snippets.length) { parent.appendChild(text('p', 'No passage.', 'muted')); return; }
            snippets.forEach(function (snippet) {
              var box = make('div', { 'class': 'snippet' });
              box.appendChild(text('div', (snippet.speaker ? snippet.speaker + ' · ' : '') + snippet.file + ':' + snippet.line, 'where'));
              var paragraph = make('p');
              snippet.pieces.forEach(function (piece) {
                paragraph.appendChild(piece[1] ? text('mark', piece[0], 'm' + piece[1]) : document.createTextNode(piece[0]));
              });
              box.appendChild(paragraph);
              parent.appendChild(box);
            });
          }

          function showConcept(index) {
            var node = data.nodes[index];
            select('node', index);
            var card = document.getElementById('card');
            while (card.firstChild) card.removeChild(card.firstChild);
            card.appendChild(text('h2', node.zh || node.en, 'zh'));
            if (node.zh && node.en) card.appendChild(text('div', node.en, 'en'));
            var list = make('dl');
            [['Abbreviations', node.abbreviations.join(', ')], ['Variants', node.variants.join(', ')], ['Category', node.category],
             ['Note', node.note], ['Found in', units(node.units) + ', ' + node.mentions + ' mentions' + (node.discovered ? ' (discovered, not in the glossary)' : '')]]
              .forEach(function (row) { if (row[1]) { list.appendChild(text('dt', row[0])); list.appendChild(text('dd', row[1])); } });
            card.appendChild(list);
            if (node.speakers.length) {
              card.appendChild(text('h3', 'Mentions by speaker'));
              var speakers = make('dl', { 'class': 'speakers' });
              node.speakers.forEach(function (s) { speakers.appendChild(text('dt', s[0])); speakers.appendChild(text('dd', String(s[1]))); });
              card.appendChild(speakers);
            }
            card.appendChild(text('h3', 'Linked to'));
            var links = make('div');
            neighbours[index].slice().sort(function (a, b) { return data.links[b].weight - data.links[a].weight; }).forEach(function (linkIndex, position) {
              var link = data.links[linkIndex];
              var other = link.source === index ? link.target : link.source;
              if (position > 0) links.appendChild(document.createTextNode(' · '));
              var anchor = text('span', name(data.nodes[other]), 'neighbour');
              anchor.addEventListener('click', function () { showLink(linkIndex); });
              links.appendChild(anchor);
            });
            card.appendChild(links);
            card.appendChild(text('h3', node.evidence.length < node.units ? 'Where it occurs (the first ' + node.evidence.length + ' of ' + units(node.units) + ')' : 'Where it occurs'));
            snippetList(node.evidence, card);
          }

          function showLink(index) {
            var link = data.links[index];
            select('link', index);
            var card = document.getElementById('card');
            while (card.firstChild) card.removeChild(card.firstChild);
            var heading = make('h2');
            heading.appendChild(text('mark', name(data.nodes[link.source]), 'm1'));
            heading.appendChild(document.createTextNode(' — '));
            heading.appendChild(text('mark', name(data.nodes[link.target]), 'm2'));
            card.appendChild(heading);
            card.appendChild(text('p', 'Together in ' + units(link.count) + '; ' + data.measure + ' ' + link.weight + '.'));
            [link.source, link.target].forEach(function (end) {
              var anchor = text('span', fullName(data.nodes[end]), 'neighbour');
              anchor.addEventListener('click', function () { showConcept(end); });
              card.appendChild(anchor);
              card.appendChild(document.createTextNode(' '));
            });
            card.appendChild(text('h3', link.evidence.length < link.count ? 'Where they meet (the first ' + link.evidence.length + ' of ' + units(link.count) + ')' : 'Where they meet'));
            snippetList(link.evidence, card);
          }

          // Controls.
          var communitySelect = document.getElementById('community');
          var legend = document.getElementById('legend');
          data.communities.forEach(function (community, number) {
            var names = community.central.map(function (index) { return data.nodes[index].zh || data.nodes[index].en; }).join(' · ');
            var option = text('option', (number + 1) + ': ' + names);
            option.value = String(number);
            communitySelect.appendChild(option);
            var row = make('div');
            var swatch = make('span', { 'class': 'swatch' });
            swatch.style.background = community.color;
            row.appendChild(swatch);
            row.appendChild(document.createTextNode(names + ' (' + community.members + ')'));
            row.addEventListener('click', function () { communitySelect.value = String(number); state.community = String(number); apply(); });
            legend.appendChild(row);
          });
          communitySelect.addEventListener('change', function () { state.community = communitySelect.value; apply(); });
          var totals = {};
          data.nodes.forEach(function (node) { node.speakers.forEach(function (s) { totals[s[0]] = (totals[s[0]] || 0) + s[1]; }); });
          var speakerSelect = document.getElementById('speaker');
          Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); }).forEach(function (speaker) {
            var option = text('option', speaker + ' (' + totals[speaker] + ' mentions)');
            option.value = speaker;
            speakerSelect.appendChild(option);
          });
          speakerSelect.addEventListener('change', function () { state.speaker = speakerSelect.value; apply(); });
          var slider = document.getElementById('min-weight');
          slider.max = String(maxWeight);
          slider.step = String(maxWeight > 0 ? maxWeight / 100 : 1);
          slider.addEventListener('input', function () {
            state.minWeight = Number(slider.value);
            document.getElementById('min-weight-value').textContent = state.minWeight.toFixed(2);
            apply();
          });
          var search = document.getElementById('search');
          search.addEventListener('input', function () { state.query = search.value; apply(); });
          search.addEventListener('keydown', function (event) {
            if (event.key !== 'Enter') return;
            var first = nodeElements.findIndex(function (element) { return element.classList.contains('found'); });
            if (first >= 0) showConcept(first);
          });
          document.querySelectorAll('input[name=label]').forEach(function (input) {
            input.addEventListener('change', function () { state.labels = input.value; drawLabels(); });
          });

          // Zoom with the wheel, pan by dragging the background.
          var canvas = document.getElementById('canvas');
          canvas.addEventListener('wheel', function (event) {
            event.preventDefault();
            var box = svg.getBoundingClientRect();
            var scale = event.deltaY > 0 ? 1.15 : 1 / 1.15;
            var px = view.x + (event.clientX - box.left) / box.width * view.w;
            var py = view.y + (event.clientY - box.top) / box.height * view.h;
            view = { x: px - (px - view.x) * scale, y: py - (py - view.y) * scale, w: view.w * scale, h: view.h * scale };
            setView();
          }, { passive: false });
          var drag = null;
          canvas.addEventListener('mousedown', function (event) { drag = { x: event.clientX, y: event.clientY, view: view }; canvas.classList.add('dragging'); });
          window.addEventListener('mousemove', function (event) {
            if (!drag) return;
            var box = svg.getBoundingClientRect();
            var factor = Math.max(view.w / box.width, view.h / box.height);
            view = { x: drag.view.x - (event.clientX - drag.x) * factor, y: drag.view.y - (event.clientY - drag.y) * factor, w: view.w, h: view.h };
            setView();
          });
          window.addEventListener('mouseup', function () { drag = null; canvas.classList.remove('dragging'); });

          drawLabels();
          apply();
        })();
        </script>
        </body>
        </html>

        """
}
