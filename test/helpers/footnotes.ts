// Hand-made Council documents with footnotes, in the markup the HTML writer
// emits for them, inside the seed's own HTML page (its head, styles and
// first-page header), so they print with the project's stylesheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeed } from './cli.js';

const SENTENCES = [
  'The Council at its 2016 session considered the progress made in the implementation of Resolution 197 (Busan, 2014) and the activities of the three Sectors.',
  'Member States and Sector Members are invited to contribute to the work of the relevant study groups, and to share their experience of deploying the Internet of Things in cities.',
  'The secretariat continues to coordinate with other United Nations agencies, regional organizations and standards development organizations to avoid duplication of work.',
  'A number of workshops and forums have been organized in the regions to raise awareness of the technical and policy aspects of the Internet of Things.',
  'Developing countries in particular have asked for assistance in building the human and institutional capacity needed to benefit from these technologies.',
  'The Bureau will report on the results of these activities to the next session of the Council, together with any budgetary implications.',
  'Particular attention is being paid to the security, privacy and trust aspects of connected devices, and to the interoperability of platforms.',
];

/** A paragraph of `n` sentences, starting at sentence `from`. */
function prose(n: number, from: number): string {
  return Array.from({ length: n }, (_, i) => SENTENCES[(from + i) % SENTENCES.length]).join(' ');
}

export const NOTES = [
  'Resolution 197 (Rev. Dubai, 2018) of the Plenipotentiary Conference, <em>Facilitating the Internet of Things and smart sustainable cities and communities</em>.',
  'See the report of the Joint Coordination Activity, available at <a href="https://www.itu.int/en/ITU-T/jca/iot/">the JCA-IoT web page</a>.',
  'Figures for 2016 as reported by the secretariat; figures for 2017 are provisional and will be confirmed in the next report to the Council.',
  'The list of Recommendations is kept up to date by the Telecommunication Standardization Bureau. It includes Recommendations approved under the alternative approval process.</p><p>A second paragraph of this note explains that the figures exclude Supplements, Implementers’ Guides and Technical Papers, which are listed separately on the study group’s web pages.',
  'Document C17/INF/5, which gives the detailed programme of the forum and the list of speakers.',
  'Established by ITU-T Study Group 20 at its meeting in Dubai, United Arab Emirates, in March 2017.',
];

export const NOTE_WORDS = ['Plenipotentiary', 'JCA-IoT web page', 'provisional', 'alternative approval', 'detailed programme', 'United Arab Emirates'];

const ref = (n: number, with_: boolean) =>
  with_ ? `<sup class="footnote-ref"><a href="#fn-${n}" id="fnref-${n}" aria-describedby="footnotes-heading">${n}</a></sup>` : '';

function paragraph(number: string, text: string): string {
  return `<p class="paragraph" id="para-${number}"><span class="number">${number}</span>${text}</p>`;
}

export interface FixtureOptions {
  /** Cite the notes (false: the same text without any). */
  notes?: boolean;
  /** `<html dir="rtl">`. */
  rtl?: boolean;
  /** Sentences added to the first paragraph, to move every citation down the pages. */
  shift?: number;
}

let seedHtml: string | undefined;

/** A document of about five pages with six notes: in paragraphs, a list item and a table that spans two pages. */
export function footnoteDocument(options: FixtureOptions = {}): string {
  const on = options.notes ?? true;
  seedHtml ??= readFileSync(join(buildSeed('html'), 'C17-23-E.html'), 'utf8');
  const rows = Array.from(
    { length: 26 },
    (_, i) =>
      `<tr><td class="annex-id">ITU-T Y.41${String(10 + i)}</td><td>Requirements and capabilities of the Internet of Things for service number ${i + 1}${i === 17 ? ref(5, on) : ''}</td><td>Approved</td><td>2016-${String((i % 12) + 1).padStart(2, '0')}</td></tr>`,
  ).join('\n');
  const main = `<main>
  <p class="from">Report by the Secretary-General</p>
  <h1 class="title">Facilitating the Internet of Things to prepare for a globally connected world</h1>
  <section class="section" id="section-1" aria-labelledby="section-1-heading">
    <h2 class="section-heading" id="section-1-heading"><span class="number">1. </span>Introduction</h2>
    ${paragraph('1.1', `${prose(3 + (options.shift ?? 0), 0)} This report responds to Resolution 197${ref(1, on)} and covers the period since the last session.`)}
    ${paragraph('1.2', prose(5, 1))}
    ${paragraph('1.3', prose(4, 3))}
    ${paragraph('1.4', `${prose(6, 2)} The Joint Coordination Activity on IoT${ref(2, on)} maintains the roadmap of standards. ${prose(2, 5)}`)}
    ${paragraph('1.5', prose(5, 4))}
    ${paragraph('1.6', prose(6, 6))}
  </section>
  <section class="section" id="section-2" aria-labelledby="section-2-heading">
    <h2 class="section-heading" id="section-2-heading"><span class="number">2. </span>Activities of the Sectors</h2>
    ${paragraph('2.1', prose(6, 0))}
    <ul class="enumlev1">
      <li>World Smart City Forum, jointly organized with IEC and ISO, Barcelona, November 2017.</li>
      <li>ITU-D Forum on IoT: Smarter Living in the Caribbean, Port of Spain, April 2017, with ${prose(1, 3).toLowerCase()} Some 240 participants attended${ref(3, on)}.</li>
      <li>Green Standards Week, Manizales, Colombia, April 2017.</li>
    </ul>
    ${paragraph('2.2', `${prose(7, 2)} ITU-T SG20 has approved six Recommendations on IoT${ref(4, on)}. ${prose(3, 1)}`)}
    ${paragraph('2.3', prose(6, 5))}
    ${paragraph('2.4', prose(5, 0))}
    <table class="annex-table">
      <thead><tr><th scope="col">Identifier</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Date</th></tr></thead>
      <tbody>
${rows}
      </tbody>
    </table>
  </section>
  <section class="section" id="section-3" aria-labelledby="section-3-heading">
    <h2 class="section-heading" id="section-3-heading"><span class="number">3. </span>Regional activities</h2>
    ${paragraph('3.1', prose(6, 3))}
    ${paragraph('3.2', `${prose(4, 4)} A Focus Group on data processing and management${ref(6, on)} was set up. ${prose(4, 2)}`)}
    ${paragraph('3.3', prose(5, 6))}
  </section>
  ${
    on
      ? `<section class="footnotes" aria-labelledby="footnotes-heading">
  <h2 class="footnotes-heading" id="footnotes-heading">Notes</h2>
  <ol class="footnote-list">
${NOTES.map((text, i) => `    <li class="footnote" id="fn-${i + 1}"><p><span class="footnote-number">${i + 1}</span> ${text}</p><a class="footnote-back" href="#fnref-${i + 1}" aria-label="Back to the text of note ${i + 1}">↩</a></li>`).join('\n')}
  </ol>
</section>`
      : ''
  }
</main>`;
  let html = seedHtml.replace(/<main>[\s\S]*<\/main>/, () => main);
  if (options.rtl) html = html.replace(/<html lang="en" dir="ltr">/, '<html lang="en" dir="rtl">');
  return html;
}
