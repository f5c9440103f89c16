import type { enAreas } from './en-areas';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 제보 양식의 지역 선택 단계와 담당 구역 화면의 한국어 문구: en-areas.ts와 같은 키를 가집니다(타입으로 검사). */
export const koAreas: Shape<typeof enAreas> = {
  areas: {
    stepHeading: '어느 지역에 계신가요?',
    unmatched: '주소만으로는 어느 지역 단위가 담당하는지 알 수 없습니다. 지역을 골라 주시면 제보가 가까운 담당자에게 바로 갑니다.',
    noAddress: '주소가 없으면 어느 지역 단위가 담당하는지 알 수 없습니다. 지역을 골라 주시면 제보가 가까운 담당자에게 바로 갑니다.',
    searchLabel: '지역 이름으로 찾기', searchHint: '두 글자 이상: 마을, 동네, 구역 등',
    browseHeading: '또는 위에서부터 차례로 찾기', top: '맨 위', within: '{{name}} 안에서', noResults: '그런 이름의 지역이 없습니다.',
    choose: '고르기', chooseOf: '{{name}} 고르기', openBelow: '{{name}}의 하위 지역', up: '{{name}}(으)로 돌아가기', backToTop: '맨 위로 돌아가기',
    picked: '선택한 지역: {{name}}', pickedPath: '{{path}} 소속', change: '지역 바꾸기',
    mapHeading: '또는 지도에 위치 표시하기', showMap: '지도 보기', hideMap: '지도 숨기기',
    mapHint: '어려움이 있는 곳을 지도에서 누르세요. 지도 그림이 없으면 빈 지도로 보이지만 표시한 위치는 그대로 쓰입니다.',
    useLocation: '내 위치 사용', locating: '위치를 찾는 중…', locationFailed: '위치를 찾지 못했습니다: {{reason}}',
    pointIn: '그곳은 {{name}}에 속합니다.', pointNowhere: '그곳을 담당하는 지역 단위가 없습니다. 지역 이름으로 찾아 주세요.',
    point: '표시한 위치: {{lat}}, {{long}}', sendWithout: '지역을 모릅니다 — 그냥 보내기',
    sendWithoutHint: '이 경우 맨 위 단위의 담당자가 맞는 단위를 찾아야 하므로 처리가 늦어집니다.',
    pickFirst: '지역을 고르거나, 지역 없이 보내기를 선택하세요.',
    link: '담당 구역', title: '담당 구역', titleOf: '{{unit}}의 담당 구역',
    explain: '주민의 제보는 위치를 포함하는 경계선이나 주소에 나오는 지명을 가진 가장 작은 단위로 갑니다.',
    readOnly: '이 단위의 담당 구역은 상위 단위(또는 관리자)만 바꿀 수 있습니다.',
    outline: '지도 위 경계선', noOutline: '아직 경계선이 없습니다.', outlineSummary_one: '{{count}}개 부분, {{points}}개 점으로 된 경계선입니다.',
    outlineSummary_other: '{{count}}개 부분, {{points}}개 점으로 된 경계선입니다.',
    draw: '새 경계선 그리기', drawHint: '모서리마다 차례로 지도를 누른 뒤 완료하세요. 지금까지 {{count}}개 점.',
    undoPoint: '마지막 점 취소', finish: '경계선 완료', cancelDrawing: '그리기 취소',
    upload: 'GeoJSON 올리기', uploadHint: 'Polygon 또는 MultiPolygon, 또는 그것을 담은 Feature나 FeatureCollection (경도/위도).',
    badFile: '이 파일에는 쓸 수 있는 경계선이 없습니다: {{reason}}', removeOutline: '경계선 지우기', saveOutline: '경계선 저장',
    unsaved: '저장하지 않은 경계선 변경이 있습니다.', saved: '저장했습니다.', lastSaved: '마지막 변경 {{date}}',
    localities: '지명', localitiesHint: '주소에 나올 수 있는 지명(마을, 거리, 동네). 대소문자는 구별하지 않습니다.',
    noLocalities: '아직 지명이 없습니다.', addLocality: '지명 추가', add: '추가', remove: '삭제', removeOf: '{{name}} 삭제',
    mapLabel: '지도', noTiles: '지도 그림이 설정되지 않았습니다. 경계선과 위치는 빈 바탕 위에 그려집니다.',
  },
};

/** 지역 선택 단계의 서버 오류 코드: ko.ts의 `errors`에 펼쳐 넣습니다. */
